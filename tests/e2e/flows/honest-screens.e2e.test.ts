import type { Page } from '@playwright/test';
import { HOLD, openKiosk } from '../fixtures/test-kiosk-page';
import { expect, test } from '../fixtures/test';
import { unisolated } from '../fixtures/page-checks';

/**
 * Honest screens (issue 20), in the renderer alone with a TestKioskApi:
 * what the person sees says what is true, and nothing unfinished shows.
 */
const screen = (page: Page, name: string) => page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 10_000 });
const kiosk = (page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => void>>).kiosk?.[f as string]?.(...(a as unknown[])), [fn, args] as const);
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** From attract to the confirm step of `code` (found by `query`), identified by card; `fill` adds to the form. */
async function toConfirm(page: Page, code = 'GG00101001', query = 'sbcx', fill: (p: Page) => Promise<void> = async () => undefined): Promise<void> {
  await kiosk(page, 'placeCard', '张三', '110101199003070015');
  await screen(page, 'welcome');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  await page.getByTestId('search-input').fill(query);
  await page.locator(`[data-testid="service-item"][data-code="${code}"]`).first().click();
  await page.getByTestId('start-application').click();
  await screen(page, 'form');
  await page.getByTestId('form-field-phone').fill('13800138000');
  await page.getByTestId('form-field-delivery').selectOption({ index: 1 });
  await page.getByTestId('material-photo').check();
  await fill(page);
  await page.getByTestId('precheck-button').click();
  await screen(page, 'confirm');
}

test.describe('honest screens', () => {
  test('after a submission the way out is 结束, and its dialog says the application stays saved with its number', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await toConfirm(page);
    expect(await text(page, 'cancel-button')).toBe('取消办理');
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result');
    const receipt = await text(page, 'receipt-number');
    expect(await text(page, 'cancel-button')).toBe('结束');
    await page.getByTestId('cancel-button').click();
    const dialog = page.getByTestId('cancel-dialog');
    expect(await dialog.getAttribute('data-finish')).toBe('true');
    const said = (await dialog.textContent()) ?? '';
    expect(said).toContain('已经保存');
    expect(said).toContain(receipt);
    expect(said).not.toContain('不会保存');
    await page.getByTestId('cancel-confirm').click();
    await screen(page, 'attract');
    await page.close();
  });

  test('reader unplugged mid-read: one state, one message (the reader\'s), the QR route first', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.getByTestId('start-button').click();
    await screen(page, 'identify');
    await kiosk(page, 'beginCardRead');
    await page.getByTestId('identify-busy').waitFor();
    await kiosk(page, 'failCardRead', 'read-failed');
    await kiosk(page, 'setDevice', 'idcard', { state: 'noDevice', error: 'unplugged' });
    await page.locator('[data-testid="identify-card-option"][data-available="false"]').waitFor();
    expect(await page.getByTestId('identify-error').count()).toBe(0);
    expect(await page.getByTestId('identify-busy').count()).toBe(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body.split('身份证阅读器暂时不能使用').length - 1).toBe(1);
    expect(body).not.toContain('没有读到身份证');
    expect(await page.locator('.option-prominent').textContent()).toContain('扫码');
    await page.close();
  });

  test('identify shows no raw text box and no placeholder, and a privacy notice (what, why, how long, where, more) in every language', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.getByTestId('start-button').click();
    await screen(page, 'identify');
    expect(await page.locator('[data-screen="identify"] input, [data-screen="identify"] textarea').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/二维码内容|即将开放|刷脸/);
    const seen = new Set<string>();
    for (const locale of ['zh-CN', 'zh-TW', 'en', 'ug']) {
      await page.getByTestId(`lang-${locale}`).click();
      await page.locator(`.kiosk[lang="${locale}"]`).waitFor();
      const items = await Promise.all(['privacy-what', 'privacy-why', 'privacy-keep', 'privacy-where'].map((id) => text(page, id)));
      for (const item of items) expect(item.length, `${locale}: ${items.join(' | ')}`).toBeGreaterThan(8);
      seen.add(items.join('|'));
      await page.getByTestId('privacy-more').locator('summary').click();
      expect(((await page.getByTestId('privacy-more').textContent()) ?? '').length).toBeGreaterThan(60);
    }
    expect(seen.size).toBe(4);
    await page.close();
  });

  test('an attract tile opens its category without identification; applying then asks for identification', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.locator('[data-testid="attract-tile"][data-category="social"]').click();
    await screen(page, 'home');
    expect(await page.getByTestId('search-input').inputValue()).toBe('社保');
    await page.locator('[data-testid="service-item"][data-code="GG00101001"]').first().click();
    await screen(page, 'guide');
    await page.getByTestId('start-application').click();
    await screen(page, 'identify');
    await kiosk(page, 'placeCard', '张三', '110101199003070015');
    await screen(page, 'welcome');
    await page.getByTestId('welcome-continue').click();
    await screen(page, 'guide');
    await page.close();
  });

  test('a card left on the reader: the screen says 请取走身份证 (after a session) or 请触摸屏幕开始 (at start); a touch starts with it', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await kiosk(page, 'leaveCard', 'after-session');
    expect(await text(page, 'attract-left-card')).toContain('请取走身份证');
    await kiosk(page, 'liftCard');
    await page.getByTestId('attract-left-card').waitFor({ state: 'detached' });
    await kiosk(page, 'leaveCard', 'at-start', '李晓明', '110101198504121230');
    expect(await text(page, 'attract-left-card')).toContain('请触摸屏幕开始');
    await page.getByTestId('start-button').click();
    await screen(page, 'welcome');
    expect(await text(page, 'masked-name')).toBe('李**');
    await page.close();
  });

  test('revealed data is hidden again when a dialog opens; an account number is masked like the ID number', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await toConfirm(page, 'GG00102001', 'ylbx', (p) => p.getByTestId('form-field-bankAccount').fill('6222021234567890123'));
    expect(await text(page, 'confirm-field-bankAccount')).toBe('6222***********0123');
    await page.getByTestId('reveal-toggle').click();
    await page.locator('[data-testid="reveal-toggle"][aria-pressed="true"]').waitFor();
    expect(await text(page, 'confirm-id-number')).toBe('110101199003070015');
    expect(await text(page, 'confirm-field-bankAccount')).toBe('6222021234567890123');
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('cancel-dialog').waitFor();
    await page.locator('[data-testid="reveal-toggle"][aria-pressed="false"]').waitFor();
    expect(await text(page, 'confirm-id-number')).toBe('1101**********0015');
    expect(await text(page, 'confirm-field-bankAccount')).toBe('6222***********0123');
    await page.getByTestId('cancel-keep').click();
    expect(await text(page, 'confirm-id-number')).toBe('1101**********0015');
    await page.close();
  });

  test('staff assist confirms in a clear panel saying what happens next', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.getByTestId('staff-assist').click();
    const panel = page.getByTestId('staff-assist-panel');
    await panel.waitFor();
    expect(await panel.locator('li').count()).toBe(3);
    expect(await panel.textContent()).toContain('不会丢失');
    await page.getByTestId('staff-assist-dismiss').click();
    await panel.waitFor({ state: 'detached' });
    await page.close();
  });
});

test.describe('pace', () => {
  test('outside care mode the result shows a countdown and moves on; in care mode it stays until 继续', async ({ browser, rendererServer: server }) => {
    const quick = { ...HOLD, resultMs: 1500 };
    const page = await openKiosk(browser, server.url, 'portrait', {}, quick);
    await toConfirm(page);
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result');
    expect(await page.getByTestId('auto-advance').getAttribute('data-seconds')).toMatch(/^[12]$/);
    await screen(page, 'printing');
    await page.close();

    const care = await openKiosk(browser, server.url, 'portrait', {}, quick);
    await care.getByTestId('care-mode-toggle').click();
    await toConfirm(care);
    await care.getByTestId('confirm-submit').click();
    await screen(care, 'result');
    expect(await care.getByTestId('auto-advance').getAttribute('data-care')).toBe('true');
    await care.waitForTimeout(2500);
    expect(await care.locator('[data-screen="result"]').count()).toBe(1);
    await care.getByTestId('result-continue').click();
    await screen(care, 'printing');
    await care.close();
  });
});

test.describe('right-to-left (Uyghur)', () => {
  /** True when the first character of `testId`'s text is drawn left of its last (the value reads in its own order). */
  const readsLeftToRight = (page: Page, testId: string) =>
    page.evaluate((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`)!;
      const node = [...el.childNodes].find((c) => c.nodeType === Node.TEXT_NODE) ?? el.querySelector('bdi')?.firstChild;
      if (!node?.textContent) return null;
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      return at(0) < at(node.textContent.length - 1);
    }, testId);

  test('masked name, ID number and receipt number keep their order inside Uyghur text', async ({ browser, rendererServer: server }) => {
    const page = await openKiosk(browser, server.url, 'landscape');
    await page.getByTestId('lang-ug').click();
    await page.locator('.kiosk[dir="rtl"]').waitFor();
    await kiosk(page, 'placeCard', '李晓明', '110101198504121230');
    await screen(page, 'welcome');
    expect(await unisolated(page)).toEqual([]);
    await page.getByTestId('welcome-continue').click();
    await screen(page, 'home');
    await page.getByTestId('search-input').fill('sbcx');
    await page.locator('[data-testid="service-item"][data-code="GG00101001"]').first().click();
    await page.getByTestId('start-application').click();
    await page.getByTestId('form-field-phone').fill('13800138000');
    await page.getByTestId('form-field-delivery').selectOption({ index: 1 });
    await page.getByTestId('material-photo').check();
    await page.getByTestId('precheck-button').click();
    await screen(page, 'confirm');
    expect(await text(page, 'confirm-id-number')).toBe('1101**********1230');
    expect(await readsLeftToRight(page, 'confirm-id-number')).toBe(true);
    expect(await readsLeftToRight(page, 'confirm-name')).toBe(true);
    expect(await unisolated(page)).toEqual([]);
    await page.getByTestId('confirm-submit').click();
    await screen(page, 'result');
    expect(await unisolated(page)).toEqual([]);
    await page.close();
  });
});
