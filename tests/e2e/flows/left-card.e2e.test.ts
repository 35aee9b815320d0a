import { expect, test } from '../fixtures/test';
import { pickSliceService, screen, walkToRating, walkToResult } from '../fixtures/walk';

/**
 * A card left on the reader after a session, on the real stack (browser
 * page, real core, simulated reader over its serial protocol): it opens no
 * session by itself, the attract screen says 请取走身份证, a touch starts the
 * next session with it, and the simulator refuses a second card on top (409)
 * unless told to replace it (issue 20). The card present at start-up is the
 * core walk's (tests/core) and the renderer's (honest-screens).
 */
test('a card left after a session: 请取走身份证, no session by itself, a touch starts with it; a second insert is refused (409)', async ({ kiosk: h }) => {
  const page = h.page;
  const item = pickSliceService(h);
  await walkToResult(page, h, item);
  await walkToRating(page, h, true);
  await page.getByTestId('rating-skip').click();
  await screen(page, 'thanks');
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');
  await expect(page.getByTestId('attract-left-card')).toContainText('请取走身份证');
  // Several reader polls (300 ms each) later it is still attract: the card alone opens nothing.
  await page.waitForTimeout(2000);
  expect(await page.locator('[data-screen="attract"]').count()).toBe(1);
  expect(await h.core.dispatcher.handle('session:current', {})).toMatchObject({ ok: true, value: { sessionId: null, stage: 'idle', leftCard: 'after-session' } });

  await expect(h.sim('/sim/idcard/insert', { card: 'resident' })).rejects.toThrow(/HTTP 409/);

  await page.getByTestId('start-button').click();
  await screen(page, 'welcome');
  expect((await page.getByTestId('masked-name').innerText()).trim()).toContain('*');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('cancel-confirm').click();
  await screen(page, 'attract');
  await h.sim('/sim/idcard/remove');
  await page.getByTestId('attract-left-card').waitFor({ state: 'detached' });
});
