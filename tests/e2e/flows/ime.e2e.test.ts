import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import Database from 'better-sqlite3';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { eventually, screen, walkToForm, walkToRating } from '../fixtures/walk';

/**
 * The on-screen pinyin input method in the whole kiosk: Chinese typed into a
 * free-text field of a real service form ("zhang" → 张, "cun" → 村) and into
 * the rating reason, candidates from the real core, the values reaching
 * platform-sim; axe on the form with the candidate bar open, normal and care.
 * The kiosk is the worker's: the platform's count is taken before the walk.
 */
test.describe('pinyin input method in Chromium', () => {
  /** A free, queueable item printing a receipt whose form has a free-text field the person fills. */
  function pickTextService(h: KioskHarness): { item: ServiceDetail; fieldId: string } {
    const item = h.core.store.catalogue
      .all()
      .filter((i) => i.queueable && i.feeFen === 0 && i.output === 'receipt' && i.form.some((f) => f.kind === 'text' && !f.prefill && f.maxLength >= 4))
      .sort((a, b) => a.form.length - b.form.length || a.name.length - b.name.length)[0];
    if (!item) throw new Error('the catalogue has no queueable receipt item with a free-text field');
    return { item, fieldId: item.form.find((f) => f.kind === 'text' && !f.prefill)!.id };
  }

  /** Taps the letters of `pinyin` on the keyboard, then the candidate `text`. */
  async function typeChinese(keyboard: Locator, pinyin: string, text: string): Promise<void> {
    for (const letter of pinyin) await keyboard.locator(`[data-key="${letter}"]`).click();
    await expect.poll(() => keyboard.getByTestId('ime-composition').innerText()).toContain(pinyin);
    const candidate = keyboard.locator(`[data-testid="ime-candidate"][data-text="${text}"]`).first();
    await candidate.waitFor({ state: 'visible', timeout: 10_000 });
    await candidate.click();
  }

  test('types 张村 into a form field and a reason for the rating; both reach the platform; axe clean with the candidates open', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const { item, fieldId } = pickTextService(h);
    const before = (await h.platformTransactions()).filter((t) => t.service === item.code).length;

    await walkToForm(page, h, item);

    // Focus the free-text field: the pinyin keyboard opens; clear what fillForm typed.
    const input = page.getByTestId(`form-field-${fieldId}`);
    await input.click();
    const keyboard = page.getByTestId('form-ime');
    await keyboard.waitFor({ state: 'visible' });
    await keyboard.locator('[data-key="clear"]').click();
    await expect.poll(() => input.inputValue()).toBe('');

    await typeChinese(keyboard, 'zhang', '张');
    await expect.poll(() => input.inputValue()).toBe('张');
    await typeChinese(keyboard, 'cun', '村');
    await expect.poll(() => input.inputValue()).toBe('张村');
    expect((await keyboard.getByTestId('ime-composition').innerText()).replace(/\s+/g, '')).not.toMatch(/[a-z]/);

    // The caret moved back one character: 王 goes in between, not at the end; backspace deletes before the caret.
    await input.press('ArrowLeft');
    await typeChinese(keyboard, 'wang', '王');
    await expect.poll(() => input.inputValue()).toBe('张王村');
    expect(await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([2, 2]);
    await keyboard.locator('[data-key="backspace"]').click();
    await expect.poll(() => input.inputValue()).toBe('张村');
    expect(await input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(1);

    // Candidate bar open: axe in normal and care mode; every candidate a large target.
    for (const letter of 'zh') await keyboard.locator(`[data-key="${letter}"]`).click();
    await keyboard.getByTestId('ime-candidate').first().waitFor({ state: 'visible' });
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('care-mode-toggle').click();
    await page.locator('.kiosk[data-care="true"]').waitFor();
    await keyboard.getByTestId('ime-candidate').first().waitFor({ state: 'visible' });
    expect(await axe(page)).toEqual([]);
    const sizes = await keyboard.getByTestId('ime-candidate').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(60);
    // Paging: 下一页 shows other candidates.
    const firstPage = await keyboard.getByTestId('ime-candidate').allInnerTexts();
    await keyboard.getByTestId('ime-next-page').click();
    await expect.poll(() => keyboard.getByTestId('ime-candidate').allInnerTexts()).not.toEqual(firstPage);
    await keyboard.getByTestId('ime-prev-page').click();
    await expect.poll(() => keyboard.getByTestId('ime-candidate').allInnerTexts()).toEqual(firstPage);
    // Backspace edits the composition first, then the field is untouched.
    await keyboard.locator('[data-key="backspace"]').click();
    await keyboard.locator('[data-key="backspace"]').click();
    await expect.poll(() => keyboard.getByTestId('ime-composition').innerText()).not.toContain('z');
    expect(await input.inputValue()).toBe('张村');
    await page.getByTestId('care-mode-toggle').click();

    await page.getByTestId('precheck-button').click();
    await screen(page, 'confirm');
    await expect.poll(() => page.locator('[data-screen="confirm"]').innerText()).toContain('张村');
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result', 30_000);
    expect(await page.getByTestId('result-status').getAttribute('data-status')).toBe('delivered');

    // platform-sim stored the form as the kiosk sent it.
    const db = new Database(join(h.dir, 'platform', 'platform.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const payloads = (db.prepare("SELECT payload FROM records WHERE kind = 'transaction' AND service = ? ORDER BY seq").all(item.code) as Array<{ payload: string }>).map((r) => r.payload);
      expect(payloads).toHaveLength(before + 1);
      expect(JSON.stringify(JSON.parse(payloads.at(-1)!))).toContain('张村');
    } finally {
      db.close();
    }

    // Rating: the reason typed in Chinese too.
    await walkToRating(page, h);
    await page.getByTestId('rating-dissatisfied').click();
    await page.getByTestId('rating-reason').click();
    const ratingKeyboard = page.getByTestId('rating-ime');
    await ratingKeyboard.waitFor({ state: 'visible' });
    await typeChinese(ratingKeyboard, 'cun', '村');
    await typeChinese(ratingKeyboard, 'wang', '王');
    await expect.poll(() => page.getByTestId('rating-reason').inputValue()).toBe('村王');
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('rating-submit').click();
    await screen(page, 'thanks');
    const arrived = await eventually(async () => {
      const r = await fetch(`${h.platform!.url}/admin/ratings`);
      const ratings = (await r.json()) as Array<{ service: string; reason: string | null }>;
      return ratings.some((x) => x.service === item.code && x.reason === '村王');
    }, 30_000);
    expect(arrived).toBe(true);
    await page.getByTestId('thanks-done').click();
    await screen(page, 'attract');
  });

  test('the search keyboard types at the caret: a letter fixed in the middle of "sbcx" finds 社保查询 items', async ({ kiosk: h }) => {
    const page = h.page;
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'welcome');
    await page.getByTestId('welcome-continue').click();
    await screen(page, 'home');
    const search = page.getByTestId('search-input');
    await search.click();
    const keyboard = page.getByTestId('search-keyboard');
    for (const letter of 'scx') await keyboard.locator(`[data-key="${letter}"]`).click();
    await expect.poll(() => search.inputValue()).toBe('scx');
    await search.press('ArrowLeft');
    await search.press('ArrowLeft');
    await keyboard.locator('[data-key="b"]').click();
    await expect.poll(() => search.inputValue()).toBe('sbcx');
    expect(await search.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(2);
    await page.locator('[data-testid="service-item"]').filter({ hasText: '社保' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // Backspace deletes before the caret (the b), not the last letter.
    await keyboard.locator('[data-key="backspace"]').click();
    await expect.poll(() => search.inputValue()).toBe('scx');
    await h.sim('/sim/idcard/remove');
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('cancel-confirm').click();
    await screen(page, 'attract');
  });

  test('the search keyboard has the pinyin input method: results follow the letters being composed, and 社保 picked from the candidates finds 社会保障卡 items', async ({ kiosk: h, axe }) => {
    const page = h.page;
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(page, 'welcome');
    await page.getByTestId('welcome-continue').click();
    await screen(page, 'home');
    const search = page.getByTestId('search-input');
    await search.click();
    const keyboard = page.getByTestId('search-keyboard');
    // Opens on Latin letters (initials search at once); 中 switches to pinyin.
    await expect.poll(() => keyboard.getAttribute('data-mode')).toBe('latin');
    await keyboard.getByTestId('ime-mode-pinyin').click();
    await expect.poll(() => keyboard.getAttribute('data-mode')).toBe('pinyin');
    // While composing, the field is empty but the list follows the letters.
    for (const letter of 'sb') await keyboard.locator(`[data-key="${letter}"]`).click();
    await expect.poll(() => keyboard.getByTestId('ime-composition').innerText()).toContain('sb');
    expect(await search.inputValue()).toBe('');
    // Results, not the home screen's popular list.
    const results = page.locator('.results [data-testid="service-item"]');
    await results.filter({ hasText: '社保' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await keyboard.locator('[data-key="clear"]').click();
    await typeChinese(keyboard, 'she', '社');
    await typeChinese(keyboard, 'bao', '保');
    await expect.poll(() => search.inputValue()).toBe('社保');
    await results.filter({ hasText: '社会保障卡' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await axe(page)).toEqual([]);
    await h.sim('/sim/idcard/remove');
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('cancel-confirm').click();
    await screen(page, 'attract');
  });

  test('in Uyghur the keyboard types Uyghur letters: ياخشى tapped into a form field and a rating reason, axe clean', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const { item, fieldId } = pickTextService(h);
    await walkToForm(page, h, item);

    // The keyboard is open in pinyin; switching the kiosk to Uyghur switches it to Uyghur letters.
    const input = page.getByTestId(`form-field-${fieldId}`);
    await input.click();
    const keyboard = page.getByTestId('form-ime');
    await page.locator('[data-testid="form-ime"][data-mode="pinyin"]').waitFor();
    await page.getByTestId('lang-ug').click();
    await page.locator('.kiosk:lang(ug)[dir="rtl"]').waitFor();
    await page.locator('[data-testid="form-ime"][data-mode="uyghur"]').waitFor();
    expect(await keyboard.getByTestId('ime-mode-uyghur').getAttribute('aria-pressed')).toBe('true');
    await input.click();
    await keyboard.locator('[data-key="clear"]').click();
    await expect.poll(() => input.inputValue()).toBe('');

    // ي ا (shift) خ ش ى: خ is on the shifted level of the ى key; no composition, no candidates.
    const tap = async (kb: Locator, keys: string[]) => {
      for (const key of keys) await kb.locator(`[data-key="${key}"]`).click();
    };
    await tap(keyboard, ['ي', 'ا', 'shift', 'خ', 'ش', 'ى']);
    await expect.poll(() => input.inputValue()).toBe('ياخشى');
    expect(await keyboard.getByTestId('ime-shift').getAttribute('aria-pressed')).toBe('false');
    expect(await keyboard.getByTestId('ime-candidates').count()).toBe(0);
    await tap(keyboard, ['space', 'backspace']);
    await expect.poll(() => input.inputValue()).toBe('ياخشى');

    // Keys stay left to right; the field follows the page (right to left); labels in Uyghur with its font; large targets that fit.
    expect(await keyboard.getAttribute('dir')).toBe('ltr');
    expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const letter = keyboard.locator('[data-key="ي"]');
    expect(await letter.getAttribute('lang')).toBe('ug');
    expect(await letter.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Naskh Arabic');
    const boxes = await keyboard.locator('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ size: Math.min(r.width, r.height), right: r.right })));
    expect(Math.min(...boxes.map((b) => b.size))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(page.viewportSize()!.width);
    expect(await axe(page)).toEqual([]);

    await page.getByTestId('precheck-button').click();
    await screen(page, 'confirm');
    await expect.poll(() => page.locator('[data-screen="confirm"]').innerText()).toContain('ياخشى');
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result', 30_000);

    // The rating reason: its keyboard opens in Uyghur mode because the kiosk speaks Uyghur.
    await walkToRating(page, h);
    await page.getByTestId('rating-dissatisfied').click();
    await page.getByTestId('rating-reason').click();
    const ratingKeyboard = page.getByTestId('rating-ime');
    await ratingKeyboard.waitFor({ state: 'visible' });
    expect(await ratingKeyboard.getAttribute('data-mode')).toBe('uyghur');
    await tap(ratingKeyboard, ['ي', 'ا', 'shift', 'خ', 'ش', 'ى']);
    await expect.poll(() => page.getByTestId('rating-reason').inputValue()).toBe('ياخشى');
    // The mode switch goes back to pinyin: letters compose again.
    await ratingKeyboard.getByTestId('ime-mode-pinyin').click();
    await ratingKeyboard.locator('[data-key="a"]').click();
    await expect.poll(() => ratingKeyboard.getByTestId('ime-composition').innerText()).toContain('a');
    expect(await page.getByTestId('rating-reason').inputValue()).toBe('ياخشى');
    await page.getByTestId('rating-submit').click();
    await screen(page, 'thanks');
    await page.getByTestId('thanks-done').click();
    await screen(page, 'attract');
  });
});
