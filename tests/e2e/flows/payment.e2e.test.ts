import type { ServiceDetail } from '../../../common/contract/schemas';
import { observePaymentOrders } from '../fixtures/observe-payments';
import type { Page } from '@playwright/test';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { receiptText, type ParsedReceipt } from '../../../drivers/receipt-printer/index';
import type { PrintedJob } from '../fixtures/kiosk-server';
import { screen, walkToForm } from '../fixtures/walk';

/** The text of the last job the receipt printer printed, its lines joined without the layout's padding (a wrapped value reads whole). */
const lastReceiptText = (jobs: PrintedJob[]) => receiptText(jobs.at(-1) as unknown as ParsedReceipt).map((l) => l.trim()).join('');

/**
 * A fee item end to end on the real stack (issue 6, 统一公共支付): submit,
 * the payment QR from platform-sim, the platform marks it paid, the screen
 * follows the polled status, and the receipt prints.
 * The kiosk is the worker's: the platform's count is taken before the walk.
 */
/** A fee item printed on the receipt printer with a short form (the first in the catalogue). */
const feeItem = (h: KioskHarness): ServiceDetail | undefined => h.core.store.catalogue.all().find((i) => i.feeFen > 0 && i.output === 'receipt' && i.form.length > 0 && i.form.length <= 5);

/** From attract: card, `item`'s form filled, reviewed and submitted; the payment screen comes next. */
async function submitToPayment(page: Page, h: KioskHarness, item: ServiceDetail): Promise<void> {
  await walkToForm(page, h, item);
  await page.getByTestId('precheck-button').click();
  await screen(page, 'confirm');
  await page.getByTestId('confirm-submit').click();
}

test.describe('payment of a fee in Chromium against platform-sim', () => {
  test('shows the amount and a QR code, turns to paid when the platform says so, then prints the receipt', async ({ kiosk: h }) => {
    const orders = observePaymentOrders(h);
    const item = feeItem(h);
    expect(item).toBeDefined();
    const before = (await h.platformTransactions()).filter((t) => t.service === item!.code).length;
    const page = h.page;
    await submitToPayment(page, h, item!);

    await screen(page, 'payment', 30_000);
    await page.getByTestId('payment-qr').waitFor({ state: 'visible' });
    expect(await page.getByTestId('payment-amount').getAttribute('data-fen')).toBe(String(item!.feeFen));
    await page.locator('[data-testid="payment-state"][data-state="waiting"]').waitFor();
    expect(orders).toHaveLength(1);
    expect(orders[0]!.amountFen).toBe(item!.feeFen);

    const paid = await fetch(`${h.platform!.url}/admin/payments/${encodeURIComponent(orders[0]!.paymentId)}/pay`, { method: 'POST' });
    expect(paid.ok).toBe(true);
    await page.locator('[data-testid="payment-state"][data-state="paid"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('payment-continue').click();
    await screen(page, 'printing');
    await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
    const receipt = lastReceiptText(await h.printed());
    expect(receipt).toContain(item!.name.slice(0, 4));
    expect(receipt).toContain(`${(item!.feeFen / 100).toFixed(2)} 元`);
    expect(receipt).toContain('统一公共支付平台');
    expect(receipt).toContain('已缴费');
    expect(receipt).not.toContain('未缴费');

    const records = (await h.platformTransactions()).filter((t) => t.service === item!.code);
    expect(records).toHaveLength(before + 1);
  });

  test('a fee left for later: the receipt states the amount due, 未缴费 and how to pay it', async ({ kiosk: h }) => {
    const orders = observePaymentOrders(h);
    const item = feeItem(h);
    const page = h.page;
    await submitToPayment(page, h, item!);
    await screen(page, 'payment', 30_000);
    await page.locator('[data-testid="payment-state"][data-state="waiting"]').waitFor();
    expect(orders).toHaveLength(1);
    await page.getByTestId('payment-cancel').click();
    await page.locator('[data-testid="payment-state"][data-state="cancelled"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('payment-later').click();
    await page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
    const receipt = lastReceiptText(await h.printed());
    expect(receipt).toContain(`${(item!.feeFen / 100).toFixed(2)} 元`);
    expect(receipt).toContain('未缴费');
    expect(receipt).toContain('凭受理编号到窗口或在手机上缴费');
    expect(receipt).not.toContain('已缴费');
  });
});
