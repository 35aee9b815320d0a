import type { Page } from '@playwright/test';
import { axeBothModes } from '../fixtures/axe-both-modes';
import { expect, test, type KioskHarness } from '../fixtures/test';

const SITE = 'site-tech-e2e';
const PIN = '482916';

/** A technician credential from platform-sim's admin endpoint, signed with the key of the site the kiosk enrolled at. */
async function issueCredential(h: KioskHarness): Promise<string> {
  const r = await fetch(`${h.platform!.url}/admin/technician-credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ technicianId: 'tech-e2e', name: '王工', siteIds: [SITE], pin: PIN }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { credential: string }).credential;
}

/** Holds the attract screen's technician corner for `ms`. */
async function holdCorner(page: Page, ms: number): Promise<void> {
  const box = (await page.getByTestId('technician-corner').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** Types the credential and the PIN (on the on-screen digit keyboard) and signs in. */
async function signIn(page: Page, credential: string, pin: string): Promise<void> {
  await page.getByTestId('technician-credential').fill(credential);
  await page.getByTestId('technician-keypad').locator('[data-key="clear"]').click();
  for (const digit of pin) await page.getByTestId('technician-keypad').locator(`[data-key="${digit}"]`).click();
  await page.getByTestId('technician-unlock').click();
}

// The worker's kiosk enrols at start, so the credential verifies offline against the platform key of its enrolment.
test.use({ enrolSite: SITE });

test.describe('technician mode in Chromium against the real core and platform-sim', () => {
  test('long press → credential + PIN → device overview → test receipt printed → hand back → attract', async ({ kiosk: h, axe }) => {
    const page = h.page;
    const credential = await issueCredential(h);

    await axeBothModes(axe, page, 'attract with the technician corner');
    // A tap on the corner does nothing; only a 3 s hold opens the unlock screen.
    await page.getByTestId('technician-corner').click();
    await page.waitForTimeout(500);
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await axeBothModes(axe, page, 'technician unlock');

    await signIn(page, credential, PIN);
    await page.locator('[data-screen="technician"]').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('technician-name')).toContainText('王工');
    const devices = page.getByTestId('technician-device');
    expect(await devices.count()).toBeGreaterThan(0);
    await expect(devices.first()).toHaveAttribute('data-state', /.+/);
    await axeBothModes(axe, page, 'technician');

    const before = (await h.printed()).length;
    await page.getByTestId('technician-print-test').click();
    await expect(page.getByTestId('technician-print-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 15_000 });
    const printed = await h.printed();
    expect(printed.length).toBe(before + 1);
    expect(JSON.stringify(printed.at(-1))).toContain('打印机测试页');

    await page.getByTestId('technician-sync').click();
    await expect(page.getByTestId('technician-sync-result')).toHaveAttribute('data-outcome', 'ok', { timeout: 20_000 });

    await page.getByTestId('technician-hand-back').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
    // Handed back: a new long press asks for the credential again.
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
  });

  test('a wrong PIN five times: each refusal said in plain words, then locked with the minutes left', async ({ kiosk: h }) => {
    const page = h.page;
    const credential = await issueCredential(h);
    await holdCorner(page, 3300);
    await page.locator('[data-screen="technicianUnlock"]').waitFor({ timeout: 5000 });
    for (let i = 1; i <= 4; i++) {
      await signIn(page, credential, '000000');
      await expect(page.getByTestId('technician-refusal')).toHaveText(`密码不对。再错 ${5 - i} 次将暂时锁定。`, { timeout: 10_000 });
    }
    await signIn(page, credential, '000000');
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 10_000 });
    await expect(page.getByTestId('technician-refusal')).toHaveText('错误次数太多，已锁定。请 1 分钟后再试。');
    // Locked: even the right PIN is refused.
    await signIn(page, credential, PIN);
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 10_000 });
    await expect(page.locator('[data-screen="technicianUnlock"]')).toBeVisible();
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
    // Opened again while locked: the screen says so before anything is typed.
    await holdCorner(page, 3300);
    await expect(page.getByTestId('technician-refusal')).toHaveAttribute('data-reason', 'locked', { timeout: 5000 });
    await page.getByTestId('back-button').click();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
  });
});
