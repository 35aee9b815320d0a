import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CDPSession, Page } from 'playwright-core';
import { BenchKiosk, machineNote, screen, waitForAttract } from './support/bench-kiosk';
import { figure, fmt, note, slope } from './support/stats';

/**
 * Renderer heap and core RSS across many simulated sessions, in one page that
 * is never reloaded (as on a kiosk). A session: card placed → welcome →
 * continue → home (card lifted) → search "sbcx" (results shown) → cancel →
 * confirm → attract with an enabled start button (the core has ended and
 * wiped the session). Every `every` sessions: the renderer's JS heap
 * after a forced GC (CDP `HeapProfiler.collectGarbage`, then
 * `Runtime.getHeapUsage`), its DOM node and listener counts (CDP
 * `Performance.getMetrics`), and this process's RSS and heap after a forced
 * GC: this process hosts the core (plus the Playwright client; platform-sim
 * is its own process and is not counted).
 * `KIOSK_BENCH_SESSIONS` overrides the count (default 1000), `KIOSK_BENCH_EVERY` the sampling step (default 100).
 */
const sessions = Number(process.env.KIOSK_BENCH_SESSIONS ?? 1000);
const every = Number(process.env.KIOSK_BENCH_EVERY ?? 100);

/** `gc()` without `--expose-gc` on the command line (bench/run-all.ts does not pass it). */
function exposeGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

interface Sample {
  sessions: number;
  rendererHeapMb: number;
  domNodes: number;
  listeners: number;
  coreRssMb: number;
  coreHeapMb: number;
}

const MB = 1024 * 1024;
const gc = exposeGc();
const kiosk = await new BenchKiosk().start();

async function sample(page: Page, cdp: CDPSession, done: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  if (gc) {
    gc();
    gc();
  }
  const mem = process.memoryUsage();
  void page;
  return {
    sessions: done,
    rendererHeapMb: heap.usedSize / MB,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    coreRssMb: mem.rss / MB,
    coreHeapMb: mem.heapUsed / MB,
  };
}

async function oneSession(page: Page, index: number): Promise<void> {
  // A session can end within one reader poll of the lift: kiosk.sim places the next card only once the reader can have seen the lift.
  await kiosk.placeCard(page, `session ${index}`);
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  // The person takes the card back; the reader polls every 300 ms, so lifting
  // it here (not after the session) lets it see the next card as a new one.
  await kiosk.sim('/sim/idcard/remove');
  await page.getByTestId('search-input').fill('sbcx');
  await page.locator('[data-screen="home"] [data-testid="service-item"]').first().waitFor({ state: 'visible' });
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('cancel-confirm').click();
  await waitForAttract(page);
}

try {
  const { page } = await kiosk.openPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples: Sample[] = [];
  const started = performance.now();
  samples.push(await sample(page, cdp, 0));
  for (let i = 1; i <= sessions; i++) {
    await oneSession(page, i);
    if (i % every === 0 || i === sessions) samples.push(await sample(page, cdp, i));
  }
  const seconds = (performance.now() - started) / 1000;

  note(machineNote());
  note(`renderer ${kiosk.bundle}; ${sessions} sessions in ${fmt(seconds, 0)} s (${fmt((seconds * 1000) / sessions, 0)} ms each); core GC ${gc ? 'forced before each sample' : 'NOT forced (gc unavailable): RSS includes garbage'}`);
  for (const h of kiosk.hiccups) note(`hiccup: ${h}`);
  note(`${kiosk.hiccups.length} retried card placements`);
  note('sessions  renderer-heap-MB  dom-nodes  js-listeners  core-rss-MB  core-heap-MB');
  for (const s of samples) note(`${String(s.sessions).padStart(8)}  ${fmt(s.rendererHeapMb).padStart(16)}  ${String(s.domNodes).padStart(9)}  ${String(s.listeners).padStart(12)}  ${fmt(s.coreRssMb).padStart(11)}  ${fmt(s.coreHeapMb).padStart(12)}`);
  // Slopes leave out the sample before the first session: start-up allocations are not a leak.
  const steady = samples.filter((s) => s.sessions > 0);
  const xs = steady.map((s) => s.sessions);
  const per1000 = (ys: number[]) => slope(xs, ys) * 1000;
  const first = steady[0];
  const last = steady[steady.length - 1];
  figure('ui-sessions-count', String(sessions), 'sessions', '1000');
  figure('ui-sessions-renderer-heap-first', first?.rendererHeapMb ?? Number.NaN, 'MB', `informational (after ${first?.sessions ?? 0} sessions)`);
  figure('ui-sessions-renderer-heap-last', last?.rendererHeapMb ?? Number.NaN, 'MB', `informational (after ${last?.sessions ?? 0} sessions)`);
  figure('ui-sessions-renderer-heap-slope', per1000(steady.map((s) => s.rendererHeapMb)), 'MB per 1000 sessions', 'flat (~0)');
  figure('ui-sessions-renderer-dom-nodes-slope', per1000(steady.map((s) => s.domNodes)), 'nodes per 1000 sessions', 'flat (~0)');
  figure('ui-sessions-renderer-listeners-slope', per1000(steady.map((s) => s.listeners)), 'listeners per 1000 sessions', 'flat (~0)');
  figure('ui-sessions-core-rss-first', first?.coreRssMb ?? Number.NaN, 'MB', 'informational');
  figure('ui-sessions-core-rss-last', last?.coreRssMb ?? Number.NaN, 'MB', 'informational');
  figure('ui-sessions-core-rss-slope', per1000(steady.map((s) => s.coreRssMb)), 'MB per 1000 sessions', 'flat (~0)');
  figure('ui-sessions-core-heap-slope', per1000(steady.map((s) => s.coreHeapMb)), 'MB per 1000 sessions', 'flat (~0)');
} finally {
  await kiosk.stop();
}
