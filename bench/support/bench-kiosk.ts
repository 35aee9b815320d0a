import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SimControl } from '../../tests/support/sim-control-client';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../main/dev/embedded-platform';
import { simControlRoutes } from '../../main/dev/sim-controls';
import { startWebHost, type HarnessWebHost } from '../../main/web/web-host';
import { launchChromium } from '../../tests/support/chromium';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Portrait panel, the default for every UI bench. */
export const PORTRAIT = { width: 1080, height: 1920 } as const;

/** Asset files `index.html` refers to (`./assets/…`). */
function referencedAssets(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
}

/**
 * A private copy of the built renderer, so that another engineer's
 * `vite build` (which empties `dist/renderer`) cannot break a run half-way.
 * Uses `KIOSK_BENCH_RENDERER_DIR` when set; otherwise copies `dist/renderer`
 * when it is complete, and builds a fresh one with vite's JS API when it is
 * missing or half-written. Returns the directory and the name of the main
 * script (which identifies the build that was measured).
 */
export async function rendererSnapshot(into: string): Promise<{ dir: string; bundle: string }> {
  const fromEnv = process.env.KIOSK_BENCH_RENDERER_DIR;
  const source = fromEnv ?? join(ROOT, 'dist', 'renderer');
  const dir = fromEnv ?? join(into, 'renderer');
  const complete = (d: string): boolean => {
    const index = join(d, 'index.html');
    if (!existsSync(index)) return false;
    const assets = referencedAssets(readFileSync(index, 'utf8'));
    return assets.length > 0 && assets.every((a) => existsSync(join(d, a)));
  };
  if (!fromEnv) {
    let copied = false;
    if (complete(source)) {
      try {
        cpSync(source, dir, { recursive: true });
        copied = complete(dir);
      } catch {
        copied = false;
      }
    }
    if (!copied) {
      rmSync(dir, { recursive: true, force: true });
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
    }
  }
  if (!complete(dir)) throw new Error(`no complete renderer build in ${dir}`);
  const bundle = referencedAssets(readFileSync(join(dir, 'index.html'), 'utf8')).find((a) => a.endsWith('.js')) ?? '?';
  return { dir, bundle };
}

/**
 * The servers of a benched kiosk, with their data under `dir`: platform-sim
 * (its own process), the real core with simulated devices in this process
 * (sync poll and connectivity probe every 500 ms) and the loopback web host
 * serving `staticDir`. `launchCodeTtlMs` as in `WebHostOptions` (a bench that
 * issues its launch codes up front keeps them longer).
 */
export async function startKioskServers(dir: string, staticDir: string, launchCodeTtlMs?: number): Promise<{ platform: EmbeddedPlatform; core: KioskCore; host: HarnessWebHost }> {
  const platform = await startEmbeddedPlatform({ dataDir: join(dir, 'platform') });
  const config = loadConfig({ dataDir: join(dir, 'kiosk'), platformUrl: platform.url, submitAckWaitMs: 5000 }, {});
  const core = await createKioskCore(config, { syncPollIntervalMs: 500, probeIntervalMs: 500 });
  const host = await startWebHost({ dispatcher: core.dispatcher, events: core.events, staticDir, routes: simControlRoutes(core), harness: true, ...(launchCodeTtlMs ? { launchCodeTtlMs } : {}) });
  return { platform, core, host };
}

/**
 * The kiosk as the UI benches need it: platform-sim as its own process, the
 * real core with simulated devices in THIS process (so `process.memoryUsage()`
 * is the core's, plus the Playwright client), the loopback web host serving a
 * private renderer snapshot, and headless Debian Chromium.
 */
export class BenchKiosk {
  platform: EmbeddedPlatform | null = null;
  core!: KioskCore;
  host!: HarnessWebHost;
  browser!: Browser;
  /** Name of the renderer's main script that is being measured. */
  bundle = '';
  readonly dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));

  /** Starts platform-sim, core, web host and Chromium (no page yet). */
  async start(): Promise<this> {
    const renderer = await rendererSnapshot(this.dir);
    this.bundle = renderer.bundle;
    ({ platform: this.platform, core: this.core, host: this.host } = await startKioskServers(this.dir, renderer.dir));
    this.browser = await launchChromium();
    return this;
  }

  /**
   * A fresh context and page at the kiosk's URL, waiting for an interactive
   * attract screen. `initScript` runs before the page's own scripts.
   */
  async openPage(options: { viewport?: { width: number; height: number }; initScript?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport: options.viewport ?? PORTRAIT, locale: 'zh-CN' });
    const page = await context.newPage();
    if (options.initScript) await page.addInitScript({ content: options.initScript });
    await page.goto(this.host.launchUrl());
    await waitForAttract(page);
    return { context, page };
  }

  private simControl: SimControl | null = null;

  /** Calls a simulator control route of the web host, pacing the ID card like a hand (see {@link SimControl}). Throws on a non-2xx answer. */
  sim(path: string, body: unknown = {}): Promise<unknown> {
    this.simControl ??= new SimControl(this.host);
    return this.simControl.post(path, body);
  }

  /** Card placements that showed no welcome screen and were retried (what was on screen, what the core said). */
  readonly hiccups: string[] = [];

  /**
   * Places the resident card and waits for the welcome screen. When it does
   * not come within 10 s, notes what was on screen and the core's session
   * state, the reader's status, how many reader requests the simulator
   * answered meanwhile and the session events in {@link hiccups}, lifts the
   * card, returns to an interactive attract screen and tries again, up to 3
   * attempts. A card lifted just before is placed only once the reader can
   * have seen the lift ({@link SimControl}).
   */
  async placeCard(page: Page, label: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const requestsBefore = this.core.simulators.idcard?.requests ?? 0;
      const events: string[] = [];
      const t0 = performance.now();
      const off = this.core.events.subscribe((channel, payload) => {
        if (channel.startsWith('session')) events.push(`${(performance.now() - t0).toFixed(0)}ms ${channel} ${JSON.stringify(payload).slice(0, 80)}`);
      });
      await this.sim('/sim/idcard/insert', { card: 'resident' });
      try {
        await screen(page, 'welcome', 10_000);
        off();
        return;
      } catch (error) {
        off();
        const requests = (this.core.simulators.idcard?.requests ?? 0) - requestsBefore;
        const shown = await page.evaluate(() => document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? 'none');
        const session = await this.core.dispatcher.handle('session:current', {}).catch((e: unknown) => String(e));
        const devices = await this.core.dispatcher.handle('devices:list', {}).catch((e: unknown) => String(e));
        const idcard = typeof devices === 'object' && devices.ok ? (devices.value as Array<{ device: string }>).find((d) => d.device === 'idcard') : devices;
        this.hiccups.push(`${label} attempt ${attempt}: no welcome after 10 s; screen ${shown}; core session ${JSON.stringify(session)}; idcard ${JSON.stringify(idcard)}; reader requests answered by the simulator meanwhile: ${requests}; session events: ${events.join(' | ') || 'none'}`);
        if (attempt >= 3) throw error;
        await this.sim('/sim/idcard/remove');
        if (shown !== 'attract') {
          await page.getByTestId('cancel-button').click();
          await page.getByTestId('cancel-confirm').click();
        }
        await waitForAttract(page);
        await page.waitForTimeout(1000);
      }
    }
  }

  /** Stops everything and removes the temporary data. Never throws. */
  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.host?.close().catch(() => undefined);
    await this.core?.close().catch(() => undefined);
    await this.platform?.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits for a screen by its `data-screen` name. */
export async function screen(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible', timeout });
}

/** Waits for the attract screen with an enabled start button (the session before has been wiped). */
export async function waitForAttract(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-screen="attract"] [data-testid="start-button"]:not([disabled])').waitFor({ state: 'visible', timeout });
}

/** Machine caveat printed by every UI bench. */
export function machineNote(): string {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, load ${load}; other engineers may be running tests on the same machine`;
}
