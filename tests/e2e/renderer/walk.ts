import type { Page } from 'playwright-core';

/** A screen reached by {@link walkAllScreens}, with a label for reports and file names. */
export type Visit = (label: string, page: Page) => Promise<void>;

const screen = (page: Page, name: string) => page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 10_000 });
const kiosk = (page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => void>>).kiosk?.[f as string]?.(...(a as unknown[])), [fn, args] as const);

/** The (fictitious) people the walk identifies, in order; only the confirm step's 显示 toggle may show them unmasked. */
export const WALK_PEOPLE = [
  { name: '张三', idNumber: '110101199003070015' },
  { name: '欧阳娜娜', idNumber: '110101199001011234' },
  { name: '李四', idNumber: '110101198001010011' },
] as const;
const [first, second, third] = WALK_PEOPLE;

/** Fills the sample service's form validly and ticks the photo. */
async function fillForm(page: Page): Promise<void> {
  await page.getByTestId('form-field-phone').fill('13800138000');
  await page.getByTestId('form-field-delivery').selectOption({ index: 1 });
  await page.getByTestId('material-photo').check();
}

/** From the home screen to the guide of `code`, found by typing `query` (initials) into the search box. */
async function openService(page: Page, code: string, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.locator(`[data-testid="service-item"][data-code="${code}"]`).first().click();
  await page.getByTestId('start-application').waitFor();
}

/**
 * Drives the renderer (with a TestKioskApi as `window.kiosk`) through every
 * screen and calls `visit` on each: attract, identify (reader online and
 * offline), welcome, home, search, the cancel dialog, guide, form, precheck,
 * confirm (masked, then revealed), payment (QR, cancelled, expired,
 * unreachable, paid), result, printing (failed and done), certificate
 * (warning, offer, failed, done), rating, thanks, staff assist and the
 * offline banner. Starts and ends on attract. The people are {@link WALK_PEOPLE}.
 * With `care`, care mode is switched on at the attract screen.
 */
export async function walkAllScreens(page: Page, visit: Visit, care: boolean): Promise<void> {
  if (care) await page.getByTestId('care-mode-toggle').click();
  await visit('attract', page);

  await page.getByTestId('start-button').click();
  await screen(page, 'identify');
  await visit('identify', page);
  await kiosk(page, 'setDevice', 'idcard', { state: 'offline' });
  await page.locator('.option-prominent').waitFor();
  await visit('identify-reader-offline', page);
  await kiosk(page, 'setDevice', 'idcard', { state: 'online' });

  await kiosk(page, 'placeCard', first.name, first.idNumber);
  await screen(page, 'welcome');
  await visit('welcome', page);
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
  await page.getByTestId('service-item').first().waitFor();
  await visit('home', page);

  await page.getByTestId('search-input').fill('sb');
  await page.locator('[data-testid="service-item"][data-code="GG00101001"]').waitFor();
  await visit('home-search', page);

  await page.getByTestId('cancel-button').click();
  await page.getByTestId('cancel-keep').waitFor();
  await visit('cancel-dialog', page);
  await page.getByTestId('cancel-keep').click();

  await openService(page, 'GG00101001', 'sbcx');
  await visit('guide', page);
  await page.getByTestId('start-application').click();
  await screen(page, 'form');
  await visit('form', page);
  await page.getByTestId('precheck-button').click();
  await screen(page, 'precheck');
  await visit('precheck', page);
  await page.getByTestId('precheck-back').click();
  await fillForm(page);
  await page.getByTestId('precheck-button').click();
  await screen(page, 'confirm');
  // Masked first (the state docs/screenshots show), then revealed with the 显示 toggle.
  await page.locator('[data-testid="reveal-toggle"][aria-pressed="false"]').waitFor();
  await visit('confirm', page);
  await page.getByTestId('reveal-toggle').click();
  await page.locator('[data-testid="reveal-toggle"][aria-pressed="true"]').waitFor();
  await visit('confirm-revealed', page);
  await page.getByTestId('confirm-submit').click();
  await screen(page, 'result');
  await visit('result', page);
  await page.getByTestId('result-continue').click();
  await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 15_000 });
  await visit('printing', page);
  await page.getByTestId('print-continue').click();
  await screen(page, 'rating');
  await page.getByTestId('rating-very-dissatisfied').click();
  await page.getByTestId('rating-reason').fill('排队');
  await visit('rating', page);
  await page.getByTestId('rating-submit').click();
  await screen(page, 'thanks');
  await visit('thanks', page);
  // Staff assist last: its confirmation stays in the top bar until attract, and the screens above go into docs/screenshots.
  await page.getByTestId('staff-assist').click();
  await page.getByTestId('staff-assist-done').waitFor();
  await visit('staff-assist', page);
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');

  // Second person: fee due → payment order, QR and countdown; cancel, expiry, platform unreachable, paid.
  await startPerson(page, care, second.name, second.idNumber);
  await openService(page, 'ZS00401001', 'jmsfzbl');
  await page.getByTestId('start-application').click();
  await fillForm(page);
  await page.getByTestId('precheck-button').click();
  await page.getByTestId('confirm-submit').click();
  await screen(page, 'payment');
  await page.getByTestId('payment-qr').waitFor();
  await visit('payment', page);
  await page.getByTestId('payment-cancel').click();
  await paymentState(page, 'cancelled');
  await visit('payment-cancelled', page);
  await page.getByTestId('payment-retry').click();
  await page.getByTestId('payment-qr').waitFor();
  await kiosk(page, 'expireAllPayments');
  await paymentState(page, 'expired');
  await visit('payment-expired', page);
  await kiosk(page, 'setConnectivity', 'offline');
  await page.getByTestId('payment-retry').click();
  await paymentState(page, 'unavailable');
  await visit('payment-unavailable', page);
  await kiosk(page, 'setConnectivity', 'online');
  await page.getByTestId('payment-retry').click();
  await page.getByTestId('payment-qr').waitFor();
  await kiosk(page, 'markAllPaid');
  await paymentState(page, 'paid');
  await visit('payment-paid', page);
  await page.getByTestId('payment-continue').click();
  await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('print-continue').click();
  await screen(page, 'rating');
  await page.getByTestId('rating-skip').click();
  await screen(page, 'thanks');
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');

  // Third person: a certificate item; the A4 printer out first (warning), then a paper-out failure and a reprint.
  await startPerson(page, care, third.name, third.idNumber);
  await kiosk(page, 'setDevice', 'a4-1', { state: 'offline' });
  await openService(page, 'GG00601001', 'sbcbzmdy');
  await page.getByTestId('certificate-warning').waitFor();
  await visit('guide-certificate-warning', page);
  await kiosk(page, 'setDevice', 'a4-1', { state: 'online', paper: 'out' });
  await page.getByTestId('start-application').click();
  await fillForm(page);
  await page.getByTestId('precheck-button').click();
  await page.getByTestId('confirm-submit').click();
  await screen(page, 'result');
  await page.getByTestId('result-continue').click();
  await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('print-continue').click();
  await certificateState(page, 'offer');
  await visit('certificate', page);
  await page.getByTestId('certificate-print').click();
  await certificateState(page, 'failed');
  await visit('certificate-failed', page);
  await kiosk(page, 'setDevice', 'a4-1', { paper: 'ok' });
  await page.getByTestId('certificate-retry').click();
  await certificateState(page, 'done');
  await visit('certificate-done', page);
  await page.getByTestId('certificate-continue').click();
  await screen(page, 'rating');
  await page.getByTestId('rating-skip').click();
  await screen(page, 'thanks');
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');

  // Fourth person: offline banner, queued submission, print failure.
  await startPerson(page, care, second.name, second.idNumber);
  await kiosk(page, 'setConnectivity', 'offline');
  await page.locator('[data-testid="connectivity-banner"][data-state="offline"]').waitFor();
  await page.locator('[data-testid="service-item"][data-available="false"]').first().waitFor();
  await visit('home-offline', page);
  await openService(page, 'GG00101001', 'sbcx');
  await page.getByTestId('start-application').click();
  await fillForm(page);
  await page.getByTestId('precheck-button').click();
  await kiosk(page, 'failNextPrint', 'paper-out');
  await page.getByTestId('confirm-submit').click();
  await page.locator('[data-testid="result-status"][data-status="queued"]').waitFor();
  await visit('result-queued', page);
  await page.getByTestId('result-continue').click();
  await page.locator('[data-testid="print-state"][data-state="failed"]').waitFor({ timeout: 15_000 });
  await visit('printing-failed', page);
  await page.getByTestId('print-skip').click();
  await screen(page, 'rating');
  await kiosk(page, 'setConnectivity', 'online');
  await page.getByTestId('rating-skip').click();
  await screen(page, 'thanks');
  await page.getByTestId('thanks-done').click();
  await screen(page, 'attract');
}

/** A new person places a card (care mode on again when asked: it resets with each session) and reaches home. */
async function startPerson(page: Page, care: boolean, name: string, idNumber: string): Promise<void> {
  if (care) await page.getByTestId('care-mode-toggle').click();
  await kiosk(page, 'placeCard', name, idNumber);
  await screen(page, 'welcome');
  await page.getByTestId('welcome-continue').click();
  await screen(page, 'home');
}

const paymentState = (page: Page, state: string) => page.locator(`[data-testid="payment-state"][data-state="${state}"]`).waitFor({ timeout: 10_000 });
const certificateState = (page: Page, state: string) => page.locator(`[data-testid="certificate-state"][data-state="${state}"]`).waitFor({ timeout: 10_000 });

/** Starts a session and waits for the idle countdown (needs a TestKioskApi with a short idle time). */
export async function reachIdleCountdown(page: Page): Promise<void> {
  await page.getByTestId('start-button').click();
  await screen(page, 'identify');
  await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
}
