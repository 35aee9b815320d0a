import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { DATABASE_FILE } from '../../../offline-cache/index';
import { axeBothModes } from '../fixtures/axe-both-modes';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { eventually, screen } from '../fixtures/walk';

/** Outbox and transaction rows in the kiosk's own SQLite file (read-only beside the running core). */
function storedRows(h: KioskHarness): { outbox: number; transactions: number } {
  const db = new Database(join(h.dir, 'kiosk', DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { outbox: count('outbox'), transactions: count('transactions') };
  } finally {
    db.close();
  }
}

/** 社保查询 from the core's cached catalogue. */
function socialInsuranceQuery(h: KioskHarness): ServiceDetail {
  const item = h.core.store.catalogue.all().find((i) => i.name === '社保查询');
  if (!item) throw new Error('no 社保查询 in the catalogue');
  return item;
}

/** Counts the person's taps (typed characters are counted apart). */
class Taps {
  count = 0;
  typed = 0;
  async tap(locator: Locator): Promise<void> {
    this.count++;
    await locator.click();
  }
  async type(locator: Locator, text: string): Promise<void> {
    this.typed += Array.from(text).length;
    await locator.fill(text);
  }
}

/** Card on the reader → welcome → search "社保查询" → its guide. Counts the taps. */
async function toGuide(h: KioskHarness, item: ServiceDetail, taps: Taps): Promise<void> {
  const page = h.page;
  await screen(page, 'attract');
  await h.sim('/sim/idcard/insert', { card: 'resident' });
  await screen(page, 'welcome');
  await taps.tap(page.getByTestId('welcome-continue'));
  await screen(page, 'home');
  await taps.tap(page.getByTestId('search-input'));
  await taps.type(page.getByTestId('search-input'), item.name);
  await taps.tap(page.locator(`[data-testid="service-item"][data-code="${item.code}"]`).first());
  await screen(page, 'guide');
}

const values = (page: Page) => page.locator('[data-screen="query"] [data-testid="query-value"]').allInnerTexts();

/**
 * A query item (社保查询) end to end in Chromium with the real core, SQLite
 * and platform-sim: the answer is shown masked, 显示 reveals it, it prints on
 * the receipt printer, and nothing is written to the outbox. Offline, the
 * guide says the query needs the network before anything is filled in.
 */
test.describe('query service in Chromium', () => {
  test('online: 社保查询 answered on screen (masked, 显示 reveals), printed, nothing in the outbox, ≤ 8 taps; axe 0 in normal and care mode', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const item = socialInsuranceQuery(h);
    const before = storedRows(h);
    const taps = new Taps();
    await toGuide(h, item, taps);
    await taps.tap(page.getByTestId('start-application'));
    await screen(page, 'query', 30_000);
    await page.getByTestId('query-done').waitFor();
    expect(await page.locator('[data-screen="form"], [data-screen="confirm"]').count()).toBe(0);

    const masked = (await values(page)).join('\n');
    expect(masked).toContain('李**');
    expect(masked).toContain('****');
    expect(masked).toMatch(/\d+年\d+个月/);
    expect(masked).not.toMatch(/\d{17}[\dX]/);
    expect(masked).not.toContain('李晓明');
    await axeBothModes(axe, page, 'query result');

    await page.getByTestId('reveal-toggle').click();
    await page.locator('[data-testid="reveal-toggle"][aria-pressed="true"]').waitFor();
    const revealed = (await values(page)).join('\n');
    expect(revealed).toMatch(/\d{17}[\dX]/);
    expect(revealed).toMatch(/[\d,]+\.\d\d 元/);
    await axeBothModes(axe, page, 'query result revealed');
    await page.getByTestId('reveal-toggle').click();
    await page.locator('[data-testid="reveal-toggle"][aria-pressed="false"]').waitFor();
    expect((await values(page)).join('\n')).toBe(masked);

    await taps.tap(page.getByTestId('query-print'));
    await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
    const printed = JSON.stringify(await h.printed());
    expect(printed).toContain('查询结果单');
    expect(printed).toContain('社保查询');
    expect(printed).not.toMatch(/\d{17}[\dX]/);
    expect(printed).not.toContain('李晓明');

    // The answer was asked, shown and printed: nothing reached the outbox or the transaction records.
    expect(storedRows(h)).toEqual(before);
    expect((await h.platformTransactions()).filter((t) => t.service === item.code)).toHaveLength(0);

    await h.sim('/sim/idcard/remove');
    await taps.tap(page.getByTestId('query-done'));
    await screen(page, 'rating');
    await taps.tap(page.getByTestId('rating-very-satisfied'));
    await taps.tap(page.getByTestId('rating-submit'));
    await screen(page, 'thanks');
    // The thanks screen ends the session by itself; its button is not needed.
    console.log(`社保查询 taps from attract to thanks (card on the reader, printed, rated): ${taps.count}, typed characters apart: ${taps.typed}`);
    expect(taps.count).toBeLessThanOrEqual(8);
    await page.getByTestId('thanks-done').click();
    await screen(page, 'attract');
  });

  test('offline: the guide says the query needs the network before anything is filled in, with a way back and home, in four languages and care mode', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const item = socialInsuranceQuery(h);
    await h.stopPlatform();
    await eventually(async () => {
      await h.core.sync.syncNow();
      return h.core.sync.connectivity.state === 'offline';
    }, 20_000);
    await page.locator('[data-testid="connectivity-banner"][data-state="offline"]').waitFor({ timeout: 15_000 });
    const before = storedRows(h);
    await toGuide(h, item, new Taps());

    const note = page.locator('[data-testid="needs-network"][data-kind="query"]');
    await note.waitFor();
    await expect(page.getByTestId('start-application')).toBeDisabled();
    expect(await page.locator('[data-screen="guide"] input, [data-screen="guide"] select').count()).toBe(0);
    const texts = new Set<string>();
    for (const locale of ['zh-CN', 'zh-TW', 'en', 'ug']) {
      await page.getByTestId(`lang-${locale}`).click();
      await page.locator(`.kiosk[lang="${locale}"]`).waitFor();
      texts.add(((await note.textContent()) ?? '').trim());
    }
    expect(texts.size).toBe(4);
    for (const text of texts) expect(text.length).toBeGreaterThan(20);
    await page.getByTestId('lang-zh-CN').click();
    expect(await note.textContent()).toContain('网络');
    await axeBothModes(axe, page, 'guide offline');

    // The way on: back to the list, or home from the access bar.
    await expect(page.getByTestId('back-button')).toBeEnabled();
    await page.getByTestId('home-button').click();
    await screen(page, 'home');
    expect(storedRows(h)).toEqual(before);
    await h.startPlatform();
  });
});
