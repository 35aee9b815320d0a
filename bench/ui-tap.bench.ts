import type { Page } from 'playwright-core';
import { BenchKiosk, machineNote, screen, waitForAttract } from './support/bench-kiosk';
import { figure, note, percentile } from './support/stats';
import { TAP_PROBE_SCRIPT, type TapSample } from './support/tap-probe';

/**
 * Tap-to-next-screen time, end to end in headless Chromium against the real
 * core: from the DOM `click` event on a button to the next `data-screen` in
 * the DOM (and to the next animation frame after it), measured in the page
 * with `performance.now()`. One round walks welcome→home, home→guide,
 * guide→form, form→guide (back), guide→home (back), home→guide,
 * guide→home (home button), home→attract (cancel, confirm),
 * attract→identify (start), identify→attract (cancel, confirm): 10 taps.
 * `KIOSK_BENCH_TAP_ROUNDS` overrides the number of rounds (default 12).
 */
const rounds = Number(process.env.KIOSK_BENCH_TAP_ROUNDS ?? 12);
const kiosk = await new BenchKiosk().start();

async function sampleCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __tapProbe: { samples: unknown[] } }).__tapProbe.samples.length);
}

/** Clicks `testid` and waits until the probe has recorded a screen change and the frame after it. */
async function tap(page: Page, selector: string, expected: string): Promise<void> {
  const before = await sampleCount(page);
  await page.locator(selector).first().click();
  await page.waitForFunction(
    (n) => {
      const s = (window as unknown as { __tapProbe: { samples: Array<{ frame: number | null }> } }).__tapProbe.samples;
      return s.length > n && s[s.length - 1]!.frame !== null;
    },
    before,
    { timeout: 15_000 },
  );
  await screen(page, expected);
  await page.waitForTimeout(30);
}

/** Shows `code` on the home screen through the search box (not measured: no click). */
async function findService(page: Page, name: string, code: string): Promise<void> {
  await page.getByTestId('search-input').fill(name);
  await page.locator(`[data-testid="service-item"][data-code="${code}"]:not([disabled])`).first().waitFor({ state: 'visible', timeout: 10_000 });
}

try {
  const item = kiosk.core.store.catalogue
    .all()
    .filter((i) => i.queueable && i.feeFen === 0 && i.form.length > 0 && i.form.length <= 5)
    .sort((a, b) => a.name.length - b.name.length)[0];
  if (!item) throw new Error('no suitable catalogue item');
  const { page } = await kiosk.openPage({ initScript: TAP_PROBE_SCRIPT });
  const entry = `[data-testid="service-item"][data-code="${item.code}"]`;

  for (let r = 0; r < rounds; r++) {
    await kiosk.placeCard(page, `round ${r + 1}`);
    await tap(page, '[data-testid="welcome-continue"]', 'home');
    // Lift the card now: the reader polls every 300 ms, and a card lifted and
    // placed again within one poll is, to the reader, the same card never lifted.
    await kiosk.sim('/sim/idcard/remove');
    await findService(page, item.name, item.code);
    await tap(page, entry, 'guide');
    await page.getByTestId('start-application').waitFor({ state: 'visible' });
    await tap(page, '[data-testid="start-application"]', 'form');
    await tap(page, '[data-screen="form"] [data-testid="back-button"]', 'guide');
    await page.getByTestId('start-application').waitFor({ state: 'visible' });
    await tap(page, '[data-screen="guide"] [data-testid="back-button"]', 'home');
    await findService(page, item.name, item.code);
    await tap(page, entry, 'guide');
    await page.getByTestId('start-application').waitFor({ state: 'visible' });
    await tap(page, '[data-testid="home-button"]', 'home');
    await page.getByTestId('cancel-button').click();
    await tap(page, '[data-testid="cancel-confirm"]', 'attract');
    await waitForAttract(page);
    await tap(page, '[data-testid="start-button"]', 'identify');
    await page.getByTestId('cancel-button').click();
    await tap(page, '[data-testid="cancel-confirm"]', 'attract');
    await waitForAttract(page);
  }

  const samples = await page.evaluate(() => (window as unknown as { __tapProbe: { samples: TapSample[] } }).__tapProbe.samples);
  const dom = samples.map((s) => s.dom);
  const frame = samples.map((s) => s.frame ?? Number.NaN).filter(Number.isFinite);
  note(machineNote());
  note(`renderer ${kiosk.bundle}; portrait 1080x1920; ${rounds} rounds`);
  figure('ui-tap-count', String(samples.length), 'taps', '>= 100');
  figure('ui-tap-to-screen-p50', percentile(dom, 50), 'ms');
  figure('ui-tap-to-screen-p95', percentile(dom, 95), 'ms', '<= 50 ms');
  figure('ui-tap-to-screen-max', Math.max(...dom), 'ms');
  figure('ui-tap-to-next-frame-p50', percentile(frame, 50), 'ms');
  figure('ui-tap-to-next-frame-p95', percentile(frame, 95), 'ms');
  const guide = samples.filter((s) => s.to === 'guide' && s.ready !== null).map((s) => s.ready!);
  figure('ui-tap-to-guide-content-p50', percentile(guide, 50), 'ms');
  figure('ui-tap-to-guide-content-p95', percentile(guide, 95), 'ms', 'informational (guide fetched from the core)');
  for (const h of kiosk.hiccups) note(`hiccup: ${h}`);
  const byTransition = new Map<string, number[]>();
  for (const s of samples) {
    const key = `${s.from}->${s.to} (${s.testid})`;
    byTransition.set(key, [...(byTransition.get(key) ?? []), s.dom]);
  }
  for (const [key, values] of byTransition) note(`${key}: n=${values.length} p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms`);
} finally {
  await kiosk.stop();
}
