import type { Page } from 'playwright-core';
import { BenchKiosk, machineNote, screen } from './support/bench-kiosk';
import { SEARCH_PROBE_SCRIPT, type SearchSample } from './support/search-probe';
import { figure, note, percentile } from './support/stats';

/**
 * Search time per keystroke over the whole cached catalogue, end to end in
 * headless Chromium against the real core: "sbcx", "shebao", "社保查询",
 * "出生" typed one key at a time into the home screen's search box; each key
 * is timed in the page from the keystroke to the result list replaced (see
 * `support/search-probe.ts`), and split into the renderer's debounce and the
 * rest (WebSocket round trip, core search, React render). Also the core-side
 * time alone: `dispatcher.handle('catalogue:search')` in a loop (zod
 * validation + index search, no transport).
 * `KIOSK_BENCH_SEARCH_ROUNDS` overrides the browser rounds (default 10).
 */
const WORDS = ['sbcx', 'shebao', '社保查询', '出生'];
const rounds = Number(process.env.KIOSK_BENCH_SEARCH_ROUNDS ?? 10);
const LIMIT = 12;
const kiosk = await new BenchKiosk().start();

function prefixes(word: string): string[] {
  const chars = Array.from(word);
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

async function sampleCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __searchProbe: { samples: unknown[] } }).__searchProbe.samples.length);
}

try {
  const catalogueSize = kiosk.core.store.catalogue.all().length;

  const coreTimes: number[] = [];
  const coreByQuery = new Map<string, number[]>();
  const keys = WORDS.flatMap(prefixes);
  for (let r = 0; r < 3; r++) for (const q of keys) await kiosk.core.dispatcher.handle('catalogue:search', { query: q, limit: LIMIT });
  for (let r = 0; r < 50; r++) {
    for (const q of keys) {
      const t = performance.now();
      const result = await kiosk.core.dispatcher.handle('catalogue:search', { query: q, limit: LIMIT });
      const ms = performance.now() - t;
      coreTimes.push(ms);
      coreByQuery.set(q, [...(coreByQuery.get(q) ?? []), ms]);
      if (!result.ok) throw new Error(`catalogue:search ${q}: ${JSON.stringify(result.error)}`);
    }
  }
  const top = await kiosk.core.dispatcher.handle('catalogue:search', { query: 'sbcx', limit: 1 });
  const topName = top.ok ? (top.value as { items: Array<{ name: string }> }).items[0]?.name : undefined;

  const { page } = await kiosk.openPage({ initScript: SEARCH_PROBE_SCRIPT });
  await kiosk.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(page, 'welcome');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  const input = page.getByTestId('search-input');
  for (let r = 0; r < rounds; r++) {
    for (const word of WORDS) {
      await input.click();
      for (const ch of Array.from(word)) {
        const before = await sampleCount(page);
        await page.keyboard.type(ch);
        await page.waitForFunction((n) => (window as unknown as { __searchProbe: { samples: unknown[] } }).__searchProbe.samples.length > n, before, { timeout: 10_000 });
        await page.waitForTimeout(20);
      }
      await input.fill('');
      await page.getByTestId('search-status').waitFor({ state: 'detached' });
      await page.evaluate(() => (window as unknown as { __searchProbe: { reset(): void } }).__searchProbe.reset());
    }
  }
  const samples = await page.evaluate(() => (window as unknown as { __searchProbe: { samples: SearchSample[] } }).__searchProbe.samples);
  const e2e = samples.map((s) => s.e2e);
  const afterSend = samples.map((s) => s.afterSend).filter((v): v is number => v !== null);
  const debounce = samples.map((s) => s.debounce).filter((v): v is number => v !== null);
  const echo = samples.map((s) => s.echo);
  const wrong = samples.filter((s) => s.query.length === 0);

  note(machineNote());
  note(`renderer ${kiosk.bundle}; portrait 1080x1920; ${rounds} rounds of ${WORDS.join(', ')}; limit ${LIMIT}`);
  figure('ui-search-catalogue-items', String(catalogueSize), 'items', '>= 3000');
  figure('ui-search-sbcx-top', topName === '社保查询' ? '1' : `0 (${topName ?? 'none'})`, 'hit', '1, 社保查询 first');
  figure('ui-search-core-handle-p50', percentile(coreTimes, 50), 'ms');
  figure('ui-search-core-handle-p95', percentile(coreTimes, 95), 'ms', '<= 30 ms');
  figure('ui-search-core-handle-max', Math.max(...coreTimes), 'ms');
  note('core p50/p95 per query: ' + [...coreByQuery].map(([q, v]) => `${q}=${percentile(v, 50).toFixed(1)}/${percentile(v, 95).toFixed(1)}`).join(' '));
  figure('ui-search-keystrokes', `${samples.length}${wrong.length ? ` (${wrong.length} without a query)` : ''}`, 'keys', '>= 100');
  figure('ui-search-keystroke-to-list-p50', percentile(e2e, 50), 'ms');
  figure('ui-search-keystroke-to-list-p95', percentile(e2e, 95), 'ms', '<= 30 ms');
  figure('ui-search-keystroke-to-list-max', Math.max(...e2e), 'ms');
  figure('ui-search-debounce-p50', percentile(debounce, 50), 'ms', 'informational (keystroke to the search call leaving the renderer)');
  figure('ui-search-call-to-list-p50', percentile(afterSend, 50), 'ms');
  figure('ui-search-call-to-list-p95', percentile(afterSend, 95), 'ms', '<= 30 ms (what the keystroke would cost without the debounce)');
  figure('ui-search-keystroke-to-searching-p95', percentile(echo, 95), 'ms', 'informational (first visible reaction)');
  const byQuery = new Map<string, number[]>();
  for (const s of samples) byQuery.set(s.query, [...(byQuery.get(s.query) ?? []), s.afterSend ?? Number.NaN]);
  note(
    'call-to-list p50 per query: ' +
      [...byQuery].map(([q, v]) => `${q}=${percentile(v.filter(Number.isFinite), 50).toFixed(1)}`).join(' '),
  );
} finally {
  await kiosk.stop();
}
