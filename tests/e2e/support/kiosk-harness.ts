import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { loadConfig, type KioskConfigInput } from '../../../main/core/config';
import { createKioskCore, type KioskCore } from '../../../main/core/create-kiosk-core';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../../main/dev/embedded-platform';
import { simControlRoutes } from '../../../main/dev/sim-controls';
import { startWebHost, type WebHost } from '../../../main/web/web-host';
import { launchChromium } from './chromium';
import { fetchPlatformTransactions, type PlatformTransaction } from '../../support/platform-admin';
import { SimControl } from '../../support/sim-control-client';
import { recordUplinkTraffic } from '../../support/uplink-traffic-recorder';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export type { PlatformTransaction } from '../../support/platform-admin';

/**
 * The whole kiosk as a person meets it, on one machine: platform-sim as its
 * own process, the real core with simulated devices, the loopback web host
 * serving the built renderer, and headless Chromium.
 */
export class KioskHarness {
  platform: EmbeddedPlatform | null = null;
  private platformPort = 0;
  core!: KioskCore;
  host!: WebHost;
  browser!: Browser;
  page!: Page;
  readonly dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));

  /**
   * Starts everything; `viewport` defaults to portrait 1080×1920. With
   * `holdScreens` (default true) the renderer's automatic steps (welcome,
   * result, print done, thanks) wait for a tap, so a slow machine cannot
   * race the test's clicks.
   */
  async start(options: { viewport?: { width: number; height: number }; config?: KioskConfigInput; holdScreens?: boolean } = {}): Promise<this> {
    await this.startPlatform();
    const config = loadConfig({ dataDir: join(this.dir, 'kiosk'), platformUrl: this.platform!.url, submitAckWaitMs: 5000, ...options.config }, {});
    this.core = await createKioskCore(config, { syncPollIntervalMs: 500, probeIntervalMs: 500, uplinkTraffic: recordUplinkTraffic('e2e') });
    this.host = await startWebHost({ dispatcher: this.core.dispatcher, events: this.core.events, staticDir: join(root, 'dist', 'renderer'), routes: simControlRoutes(this.core) });
    this.browser = await launchChromium();
    this.page = await this.browser.newPage({ viewport: options.viewport ?? { width: 1080, height: 1920 } });
    if (options.holdScreens ?? true) {
      await this.page.addInitScript(() => {
        const hold = 24 * 60 * 60 * 1000;
        (globalThis as { kioskFlowTiming?: unknown }).kioskFlowTiming = { welcomeMs: hold, resultMs: hold, printDoneMs: hold, thanksMs: hold };
      });
    }
    await this.page.goto(this.host.url);
    return this;
  }

  /** Starts platform-sim (again on the same port and data, after a stop). */
  async startPlatform(): Promise<void> {
    this.platform = await startEmbeddedPlatform({ dataDir: join(this.dir, 'platform'), port: this.platformPort });
    this.platformPort = this.platform.port;
  }

  /** Stops platform-sim, as if the network or the platform went away. */
  async stopPlatform(): Promise<void> {
    await this.platform?.stop();
    this.platform = null;
  }

  private simControl: SimControl | null = null;

  /** Calls a simulator control route of the web host, pacing the ID card like a hand (see {@link SimControl}). Throws on a non-2xx answer. */
  sim(path: string, body: unknown = {}): Promise<unknown> {
    this.simControl ??= new SimControl(this.host);
    return this.simControl.post(path, body);
  }

  /** What the simulated receipt printer has printed so far. */
  async printed(): Promise<Array<{ lines?: unknown; text?: string[]; qrCodes?: string[] } & Record<string, unknown>>> {
    const r = await fetch(this.host.origin + '/sim/printer/printed', { headers: { 'X-Kiosk-Token': this.host.token } });
    return (await r.json()) as never;
  }

  /** platform-sim's record of received transactions. */
  async platformTransactions(): Promise<PlatformTransaction[]> {
    if (!this.platform) throw new Error('platform is stopped');
    return fetchPlatformTransactions(this.platform.url);
  }

  /** Stops everything and removes the temporary data. */
  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.host?.close().catch(() => undefined);
    await this.core?.close().catch(() => undefined);
    await this.platform?.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
