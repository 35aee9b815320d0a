import type { Page } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { screen } from '../fixtures/walk';

/**
 * Audio mode (issue 20: people who cannot see the screen), on the real stack,
 * driven only by the keys of a USB keypad (Playwright's Numpad keys, the
 * letters of a keyboard for the search initials) and checked by the ids of
 * what is spoken (`[data-testid="audio-spoken"] [data-prompt-id]`): a key
 * switches the mode on, each screen says its prompt, content and choices, the
 * keypad moves and selects. Through identification, search by pinyin
 * initials, a query service, a one-field application and its receipt.
 */
/** The numbered ids said so far (`data-heard`: "1 audio-on|2 screen:attract|…"). */
const heardLog = async (page: Page) =>
  ((await page.getByTestId('audio-spoken').getAttribute('data-heard')) ?? '')
    .split('|')
    .filter(Boolean)
    .map((e) => ({ n: Number(e.slice(0, e.indexOf(' '))), id: e.slice(e.indexOf(' ') + 1) }));

/** Per page, the number of the last utterance a {@link heard} matched: each call looks only after it. */
const cursor = new WeakMap<Page, number>();

/** Waits until `id` is said after the last one matched, and returns the words of the batch it was said in. */
async function heard(page: Page, id: string | RegExp): Promise<string> {
  const since = cursor.get(page) ?? 0;
  const match = (s: string) => (typeof id === 'string' ? s === id : id.test(s));
  const found = await expect
    .poll(async () => (await heardLog(page)).some((e) => e.n > since && match(e.id)))
    .toBe(true)
    .then(() => true, () => false);
  if (!found) throw new Error(`not heard: ${String(id)} after #${since}; heard ${(await heardLog(page)).map((e) => `${e.n} ${e.id}`).join(', ')}`);
  cursor.set(page, (await heardLog(page)).find((e) => e.n > since && match(e.id))!.n);
  return (await page.getByTestId('audio-spoken').textContent()) ?? '';
}

/** Presses 2 (next) on the keypad until the choice `id` is focused and said; at most `max` presses. */
async function moveTo(page: Page, id: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Numpad2');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const what = el?.dataset.code ?? el?.dataset.category;
      return el?.dataset.testid ? (what ? `${el.dataset.testid}:${what}` : el.dataset.testid) : '';
    });
    if (focused === id) {
      await heard(page, `choice:${id}`);
      return;
    }
  }
  throw new Error(`choice ${id} not reached in ${max} presses; heard ${(await heardLog(page)).map((e) => e.id).join(', ')}`);
}

/** Selects the focused choice with 5 on the keypad. */
const select = (page: Page) => page.keyboard.press('Numpad5');

const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');

/** From attract, by keypad: audio mode on, 开始, card, welcome → home. */
async function identify(page: Page, h: KioskHarness): Promise<void> {
  await screen(page, 'attract');
  await page.keyboard.press('Numpad5');
  await heard(page, 'audio-on');
  await heard(page, 'screen:attract');
  await moveTo(page, 'start-button');
  await select(page);
  const said = await heard(page, 'screen:identify');
  expect(said.length).toBeGreaterThan(40);
  await h.sim('/sim/idcard/insert', { card: 'resident' });
  await heard(page, 'screen:welcome');
  await moveTo(page, 'welcome-continue');
  await select(page);
  await heard(page, 'screen:home');
}

/** On home: the search field, the initials typed, the service chosen; ends on its guide. */
async function search(page: Page, item: ServiceDetail): Promise<void> {
  await moveTo(page, 'search-input');
  await page.keyboard.type(initials(item.name), { delay: 120 });
  await page.locator(`[data-testid="service-item"][data-code="${item.code}"]`).first().waitFor();
  await moveTo(page, `service-item:${item.code}`);
  expect(await page.getByTestId('audio-spoken').textContent()).toContain(item.name);
  await select(page);
  await heard(page, 'screen:guide');
}

test.describe('audio mode, keypad only', () => {
  test('identification, search by initials, a query, a one-field application and its receipt', async ({ kiosk: h }) => {
    test.setTimeout(240_000);
    const page = h.page;
    const all = h.core.store.catalogue.all();
    const query = all.find((i) => i.kind === 'query' && i.name === '社保查询') ?? all.find((i) => i.kind === 'query');
    const oneField = all.find(
      (i) =>
        i.kind !== 'query' &&
        i.feeFen === 0 &&
        i.output === 'receipt' &&
        i.form.filter((f) => f.prefill === null).length === 1 &&
        i.form.find((f) => f.prefill === null)?.kind === 'phone' &&
        i.materials.every((m) => !m.required || m.electronic),
    );
    expect(query).toBeDefined();
    expect(oneField).toBeDefined();

    // A query: its answer is said (masked), then the session ends.
    await identify(page, h);
    await search(page, query!);
    await moveTo(page, 'start-application');
    await select(page);
    await page.getByTestId('query-section').first().waitFor({ timeout: 30_000 });
    const answer = await heard(page, /^content:query/);
    expect(answer).toMatch(/\*/);
    expect(answer).not.toMatch(/\d{17}[\dX]/);
    await moveTo(page, 'query-done');
    await select(page);
    await heard(page, 'screen:rating');
    await moveTo(page, 'rating-skip');
    await select(page);
    await heard(page, 'screen:thanks');
    await moveTo(page, 'thanks-done');
    await select(page);
    await screen(page, 'attract');
    await h.sim('/sim/idcard/remove');
    // The session ended: audio mode is off and nothing said stays on the page.
    await expect(page.getByTestId('audio-spoken')).toHaveAttribute('data-active', 'false');
    await expect.poll(() => heardLog(page)).toEqual([]);
    cursor.delete(page);

    // A one-field application: the phone number typed on the keypad, submitted, the receipt number said and printed.
    const before = (await h.platformTransactions()).length;
    await page.waitForTimeout(800);
    await identify(page, h);
    await search(page, oneField!);
    await moveTo(page, 'start-application');
    await select(page);
    await heard(page, 'screen:form');
    await moveTo(page, 'form-field-phone');
    // Digits as a keypad with NumLock on sends them (headless Chromium's Numpad keys are NumLock off: arrows).
    await page.keyboard.type('13800138000', { delay: 120 });
    await page.keyboard.press('NumpadEnter');
    await expect(page.getByTestId('form-field-phone')).toHaveValue('13800138000');
    await moveTo(page, 'precheck-button');
    await select(page);
    await heard(page, 'screen:confirm');
    await moveTo(page, 'confirm-submit');
    await select(page);
    const result = await heard(page, /^screen:result/);
    const receiptNumber = ((await page.getByTestId('receipt-number').textContent()) ?? '').trim();
    expect(receiptNumber.length).toBeGreaterThan(5);
    expect(result).toContain(receiptNumber);
    await h.sim('/sim/idcard/remove');
    await moveTo(page, 'result-continue');
    await select(page);
    await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
    const printing = await heard(page, /^content:printing/);
    expect(printing).toContain('打印完成');
    expect(JSON.stringify(await h.printed())).toContain(receiptNumber);
    expect((await h.platformTransactions()).length).toBeGreaterThan(before);
    await moveTo(page, 'print-continue');
    await select(page);
    await heard(page, 'screen:rating');
  });
});
