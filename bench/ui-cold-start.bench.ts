import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveBareReactPage, BARE_BUTTON } from './support/bare-react-page';
import { BenchKiosk, machineNote, PORTRAIT, ROOT } from './support/bench-kiosk';
import { launchChromium } from '../tests/support/chromium';
import { startUntilLine } from './support/process-group';
import { figure, median, note, percentile } from './support/stats';

/**
 * Cold start to an interactive attract screen against a bare React page in
 * the same headless Chromium: each run opens a fresh browser context (no
 * cache, no storage) and times `page.goto` → the button visible and enabled
 * (`[data-screen=attract] start-button` for the kiosk, the one button of the
 * bare page). The headline: from the bench's clock just before `goto` to
 * the first animation frame in which an in-page probe saw the button
 * visible and enabled (both converted to epoch time with
 * `performance.timeOrigin`; nothing polls the page from outside while it
 * loads). Also reported: the same as the bench learnt of it, and the page's
 * own clock (navigation start → ready). The kiosk's core and web host and
 * the bare page's server run in a child process (see `startServers`). Kiosk and bare runs alternate so they
 * share the machine's load; one warm-up of each is discarded.
 * Then the browser-mode launcher: `npx tsx main/dev/start-browser.ts` with
 * `KIOSK_NO_BROWSER=1` on a fresh data dir, timed to its "kiosk ready in" line.
 * `KIOSK_BENCH_COLD_RUNS` (default 12) and `KIOSK_BENCH_LAUNCHER_RUNS` (default 3) override the counts.
 */
const runs = Number(process.env.KIOSK_BENCH_COLD_RUNS ?? 12);
const launcherRuns = Number(process.env.KIOSK_BENCH_LAUNCHER_RUNS ?? 3);

/**
 * Stamps `window.__ready` (ms since navigation start) at the first animation
 * frame in which `selector` is visible and enabled, and `window.__firstScreen`
 * at the first frame with any screen in the DOM; resolves `window.__readyPromise`.
 * Checked once per frame only, so the probe forces no extra layout while the
 * page builds itself (a check on every DOM mutation did, and cost the kiosk,
 * which mutates far more than the bare page, more than the baseline).
 */
function readyProbe(selector: string): string {
  return `(() => {
  const sel = ${JSON.stringify(selector)};
  let resolve;
  window.__readyPromise = new Promise((r) => (resolve = r));
  const check = () => {
    if (window.__firstScreen === undefined && document.querySelector('[data-screen], [data-testid]')) window.__firstScreen = performance.now();
    const el = document.querySelector(sel);
    if (!el || el.disabled) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return false;
    window.__ready = performance.now();
    resolve(window.__ready);
    return true;
  };
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;
}

/** One cold load, in ms: `goto` → ready by the page's probe (epoch clocks of both sides), as the bench saw it, and from the page's navigation start. */
interface ColdRun {
  toReady: number;
  /** `goto` → the bench learnt of it (the probe's promise settled across the protocol). */
  seen: number;
  inPage: number;
  responseEnd: number;
  /** Navigation start → the first frame with any screen (e.g. boot) in the DOM. */
  firstScreen: number;
}

/**
 * One cold load in a fresh context. The bench does not poll the page while it
 * loads (Playwright's locator wait runs its own checks on the page's main
 * thread); it awaits the probe's promise, then reads the clocks.
 */
async function coldRun(browser: Browser, url: string, selector: string): Promise<ColdRun> {
  const context = await browser.newContext({ viewport: PORTRAIT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: readyProbe(selector) });
    const t0 = performance.now();
    const t0Epoch = performance.timeOrigin + t0;
    await page.goto(url, { waitUntil: 'commit' });
    await page.evaluate(() => (window as unknown as { __readyPromise: Promise<number> }).__readyPromise);
    const seen = performance.now() - t0;
    const got = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const w = window as unknown as { __ready: number; __firstScreen?: number };
      return { ready: w.__ready, first: w.__firstScreen ?? Number.NaN, origin: performance.timeOrigin, responseEnd: nav?.responseEnd ?? Number.NaN };
    });
    if (!(await page.locator(selector).isVisible())) throw new Error(`${selector} not visible after the probe fired`);
    return { toReady: got.origin + got.ready - t0Epoch, seen, inPage: got.ready, responseEnd: got.responseEnd, firstScreen: got.first };
  } finally {
    await context.close();
  }
}

/** Starts the browser-mode launcher once; resolves with the wall time to its ready line and the ms it printed. */
async function launcherRun(): Promise<{ wall: number; printed: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-launcher-'));
  try {
    const launcher = await startUntilLine('npx', ['tsx', 'main/dev/start-browser.ts'], {
      cwd: ROOT,
      env: { ...process.env, KIOSK_NO_BROWSER: '1', KIOSK_DATA_DIR: dataDir, KIOSK_WEB_PORT: '0' },
      readyLine: /kiosk ready in (\d+) ms/,
    });
    await launcher.stop();
    return { wall: launcher.wallMs, printed: Number(launcher.match[1]) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Where the cold runs load the two pages from, and how to stop it all. */
interface Servers {
  browser: Browser;
  /** A fresh one-time launch URL of the kiosk for each page load. */
  kioskUrl(): string;
  bareUrl: string;
  bundle: string;
  bareBytes: number;
  where: string;
  stop(): Promise<void>;
}

/**
 * Default: the kiosk's servers (core + web host, platform-sim) and the bare
 * page's in a child process (`support/cold-start-server.ts`), as in browser
 * mode and Electron, where the core does not share an event loop with what
 * drives the browser. `KIOSK_BENCH_COLD_IN_PROCESS=1`: everything in this
 * process next to Playwright, as the bench measured before 2026-11-22.
 */
async function startServers(): Promise<Servers> {
  if (process.env.KIOSK_BENCH_COLD_IN_PROCESS) {
    const kiosk = await new BenchKiosk().start();
    const bare = await serveBareReactPage(join(kiosk.dir, 'bare'));
    return {
      browser: kiosk.browser,
      kioskUrl: () => kiosk.host.launchUrl(),
      bareUrl: bare.url,
      bundle: kiosk.bundle,
      bareBytes: bare.bytes,
      where: 'servers in the bench process',
      stop: async () => {
        await bare.close();
        await kiosk.stop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-cold-'));
  const server = await startUntilLine('npx', ['tsx', 'bench/support/cold-start-server.ts', dir], { cwd: ROOT, env: process.env, readyLine: /^\{.*\}$/ });
  const info = JSON.parse(server.match[0]) as { kiosk: string[]; bare: string; bundle: string; bareBytes: number };
  const browser = await launchChromium();
  return {
    browser,
    kioskUrl: () => {
      const url = info.kiosk.shift();
      if (!url) throw new Error('cold-start-server: out of launch URLs');
      return url;
    },
    bareUrl: info.bare,
    bundle: info.bundle,
    bareBytes: info.bareBytes,
    where: 'servers in a child process',
    stop: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const servers = await startServers();
try {
  const KIOSK_READY = '[data-screen="attract"] [data-testid="start-button"]';
  const BARE_READY = `[data-testid="${BARE_BUTTON}"]`;
  await coldRun(servers.browser, servers.kioskUrl(), KIOSK_READY);
  await coldRun(servers.browser, servers.bareUrl, BARE_READY);
  const k: ColdRun[] = [];
  const b: ColdRun[] = [];
  for (let i = 0; i < runs; i++) {
    k.push(await coldRun(servers.browser, servers.kioskUrl(), KIOSK_READY));
    b.push(await coldRun(servers.browser, servers.bareUrl, BARE_READY));
  }
  const kw = median(k.map((r) => r.toReady));
  const bw = median(b.map((r) => r.toReady));
  const kp = median(k.map((r) => r.inPage));
  const bp = median(b.map((r) => r.inPage));
  note(machineNote());
  note(`renderer ${servers.bundle}; bare React 19 page ${(servers.bareBytes / 1024).toFixed(0)} KiB of JS; ${runs} runs each (+1 warm-up each, discarded), fresh context per run; ${servers.where}`);
  figure('ui-cold-start-kiosk-median', kw, 'ms', 'informational (goto → attract start-button visible+enabled)');
  figure('ui-cold-start-kiosk-p95', percentile(k.map((r) => r.toReady), 95), 'ms');
  figure('ui-cold-start-bare-react-median', bw, 'ms', 'informational (goto → button visible+enabled)');
  figure('ui-cold-start-ratio', kw / bw, 'x', '<= 1.5x');
  figure('ui-cold-start-kiosk-seen-median', median(k.map((r) => r.seen)), 'ms', 'informational (same, as the bench learnt of it over the protocol)');
  figure('ui-cold-start-bare-react-seen-median', median(b.map((r) => r.seen)), 'ms', 'informational');
  figure('ui-cold-start-kiosk-in-page-median', kp, 'ms', 'informational (navigation start → ready, page clock)');
  figure('ui-cold-start-bare-react-in-page-median', bp, 'ms', 'informational');
  figure('ui-cold-start-ratio-in-page', kp / bp, 'x', '<= 1.5x');
  figure('ui-cold-start-kiosk-first-screen-median', median(k.map((r) => r.firstScreen)), 'ms', 'informational (navigation start → first frame with a screen, boot or attract)');
  const runsOf = (rs: ColdRun[]) => rs.map((r) => `${r.toReady.toFixed(0)}/${r.inPage.toFixed(0)}/${r.firstScreen.toFixed(0)}/${r.responseEnd.toFixed(0)}`).join(', ');
  note(`kiosk runs (goto→ready / in-page ready / in-page first screen / responseEnd, ms): ${runsOf(k)}`);
  note(`bare runs (same): ${runsOf(b)}`);
} finally {
  await servers.stop();
}

const launches: Array<{ wall: number; printed: number }> = [];
for (let i = 0; i < launcherRuns; i++) launches.push(await launcherRun());
if (launcherRuns > 0) {
  note(`browser-mode launcher: ${launcherRuns} runs, each on a fresh data dir (first boot: embedded platform-sim, catalogue fetch)`);
  figure('launcher-ready-printed-median', median(launches.map((l) => l.printed)), 'ms', 'informational (the launcher\'s own "kiosk ready in" figure)');
  figure('launcher-ready-wall-median', median(launches.map((l) => l.wall)), 'ms', 'informational (spawn of npx → ready line, includes npx + tsx start-up)');
  note(`launcher runs (printed/wall ms): ${launches.map((l) => `${l.printed}/${l.wall.toFixed(0)}`).join(', ')}`);
}
