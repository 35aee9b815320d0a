import { docsScreenshot } from '../fixtures/docs-screenshot';
import { openKiosk, VIEWPORTS } from '../fixtures/test-kiosk-page';
import { expect, test } from '../fixtures/test';
import { reachIdleCountdown } from '../fixtures/walk-all-screens';

/** The renderer alone (a TestKioskApi, no core) in Chromium: idle, right-to-left, storage, staff assist, reader offline. Runs once (flows project). */
test.describe('renderer behaviour in the browser', () => {
  // A 20 s countdown: axe on a loaded 2-core machine can take longer than a short one, which then ends before "continue" is tapped.
  test('idle: countdown appears, "continue" hides it, then expiry ends the session as idle and returns to attract', async ({ browser, rendererServer, axe }) => {
    const page = await openKiosk(browser, rendererServer.url, 'portrait', { system: { idleTimeoutSeconds: 1, countdownSeconds: 20 } });
    await reachIdleCountdown(page);
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('idle-continue').click();
    await expect.poll(() => page.getByTestId('idle-countdown').count()).toBe(0);
    await page.getByTestId('idle-countdown').waitFor({ timeout: 5000 });
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 30_000 });
    const calls = await page.evaluate(() => (window as unknown as { kiosk: { calls: string[] } }).kiosk.calls);
    expect(calls).toContain('session.end');
    await page.close();
  });

  test('Uyghur switches to right-to-left with a mirrored layout and passes axe', async ({ browser, rendererServer, axe }) => {
    const page = await openKiosk(browser, rendererServer.url, 'landscape');
    await page.getByTestId('lang-ug').click();
    await expect.poll(() => page.locator('.kiosk').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.kiosk').getAttribute('lang')).toBe('ug');
    const [startX, voiceX] = await Promise.all([
      page.locator('.site-name').boundingBox().then((b) => b?.x ?? 0),
      page.getByTestId('voice-replay').boundingBox().then((b) => b?.x ?? 0),
    ]);
    expect(startX).toBeGreaterThan(VIEWPORTS.landscape.width / 2);
    expect(voiceX).toBeGreaterThan(VIEWPORTS.landscape.width / 2);
    expect(await axe(page)).toEqual([]);
    await docsScreenshot(page, 'attract-landscape-ug.png');
    await page.close();
  });

  test('nothing personal is written to localStorage, sessionStorage, IndexedDB or the URL', async ({ browser, rendererServer }) => {
    const page = await openKiosk(browser, rendererServer.url, 'portrait');
    await page.evaluate(() => (window as unknown as { kiosk: { placeCard(): void } }).kiosk.placeCard());
    await page.getByTestId('masked-name').waitFor();
    const state = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      url: location.href,
    }));
    expect(state.local).toBe(0);
    expect(state.session).toBe(0);
    expect(state.idb).toBe(0);
    expect(state.url).toBe(rendererServer.url);
    await page.close();
  });

  test('staff assist records a request for the current screen and confirms it', async ({ browser, rendererServer }) => {
    const page = await openKiosk(browser, rendererServer.url, 'portrait');
    await page.getByTestId('staff-assist').click();
    await expect.poll(() => page.getByTestId('staff-assist-done').textContent()).toBe('已通知工作人员，请稍候');
    const requests = await page.evaluate(() => (window as unknown as { kiosk: { staffRequests: string[] } }).kiosk.staffRequests);
    expect(requests).toEqual(['attract']);
    await page.close();
  });

  test('the card reader going offline puts the QR route first on identify', async ({ browser, rendererServer }) => {
    const page = await openKiosk(browser, rendererServer.url, 'portrait');
    await page.getByTestId('start-button').click();
    await page.evaluate(() => (window as unknown as { kiosk: { setDevice(n: string, p: object): void } }).kiosk.setDevice('idcard', { state: 'offline' }));
    await page.locator('[data-testid="identify-card-option"][data-available="false"]').waitFor();
    await page.locator('.option-prominent').waitFor();
    // A keyboard-wedge scanner types the code and Enter in one burst (the raw text box is gone): dispatched in one
    // task, so the keys are microseconds apart whatever the machine's load (Playwright's typing can exceed the 35 ms gap).
    await page.evaluate(() => {
      for (const key of [...'EID:test', 'Enter']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByTestId('masked-name').textContent()).toBe('李*');
    await page.close();
  });
});
