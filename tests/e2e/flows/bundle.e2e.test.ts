import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { mergeBundleForm, type CombinedForm } from '../../../common/domain/bundle-form';
import { observePaymentOrders } from '../fixtures/observe-payments';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { eventually, fillForm, finishWalk, screen } from '../fixtures/walk';
import { axeBothModes } from '../fixtures/page-checks';

/** With `SCREENSHOTS=1`, the page as `docs/screenshots/bundle-<name>-portrait-normal.png` (real catalogue from platform-sim). */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: fileURLToPath(new URL(`../../../docs/screenshots/bundle-${name}-portrait-normal.png`, import.meta.url)) });
}

/** The combined form as a single item, for the shared `fillForm` of the slice walk. */
function asItem(combined: CombinedForm): ServiceDetail {
  return { form: combined.form, materials: combined.materials } as ServiceDetail;
}

/**
 * Life-event bundles ("一件事一次办") end to end in Chromium: the real core,
 * SQLite outbox and platform-sim. One form for several items; each item
 * reaches the platform exactly once, online and after an outage.
 */
test.describe('life-event bundle in Chromium', () => {
  /** The life event's items from the core's cached catalogue. */
  function lifeEvent(h: KioskHarness, id: string): ServiceDetail[] {
    const event = h.core.store.catalogue.lifeEvents().find((e) => e.id === id);
    if (!event) throw new Error(`no life event ${id}`);
    return event.itemCodes.map((code) => h.core.store.catalogue.all().find((i) => i.code === code)!);
  }

  /** Card → welcome → home → the life event's bundle screen. */
  async function openBundle(h: KioskHarness, id: string): Promise<void> {
    await screen(h.page, 'attract');
    await h.sim('/sim/idcard/insert', { card: 'resident' });
    await screen(h.page, 'welcome');
    await h.page.getByTestId('welcome-continue').click();
    await screen(h.page, 'home');
    await h.page.locator(`[data-testid="life-event"][data-id="${id}"]`).click();
    await screen(h.page, 'bundle');
    await h.page.getByTestId('bundle-start').waitFor();
  }

  /** Receipt numbers and statuses the result screen lists, by service code. */
  async function resultItems(h: KioskHarness): Promise<Array<{ code: string; status: string; receiptNumber: string }>> {
    const rows = h.page.getByTestId('bundle-result-item');
    const out: Array<{ code: string; status: string; receiptNumber: string }> = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({
        code: (await row.getAttribute('data-code')) ?? '',
        status: (await row.getAttribute('data-status')) ?? '',
        receiptNumber: (await row.getByTestId('receipt-number').innerText()).trim(),
      });
    }
    return out;
  }

  const countsByService = async (h: KioskHarness) => {
    const counts = new Map<string, number>();
    for (const t of await h.platformTransactions()) counts.set(t.service, (counts.get(t.service) ?? 0) + 1);
    return counts;
  };

  test('online: bundle screen → one combined form → one pre-check list → confirm → every item delivered, one receipt, the platform holds each item once; axe 0 in normal and care mode', async ({ kiosk: h, axe }) => {
    const items = lifeEvent(h, 'newborn');
    const combined = mergeBundleForm(items);
    const before = await countsByService(h);
    const total = (await h.platformTransactions()).length;

    await openBundle(h, 'newborn');
    for (const item of items) {
      await expect.poll(() => h.page.getByTestId(`bundle-item-${item.code}`).isChecked()).toBe(true);
    }
    await axeBothModes(axe, h.page, 'bundle');
    await shot(h.page, 'choose');

    await h.page.getByTestId('bundle-start').click();
    await screen(h.page, 'form');
    // One form: each combined field once (the items' 手机号码 is asked once).
    expect(await h.page.locator('[data-testid^="form-field-"]').count()).toBe(combined.form.length);
    expect(await h.page.getByTestId('form-field-phone').count()).toBe(1);
    await axeBothModes(axe, h.page, 'bundle form');
    await shot(h.page, 'form');

    // Empty form: every problem in one list, item-specific ones naming their item.
    await h.page.getByTestId('precheck-button').click();
    await screen(h.page, 'precheck');
    expect(await h.page.locator('[data-testid="precheck-problem"][data-id="phone"]').count()).toBe(1);
    expect(await h.page.locator('[data-testid="precheck-problem"][data-item]').count()).toBeGreaterThan(0);
    await axeBothModes(axe, h.page, 'bundle precheck');
    await h.page.getByTestId('precheck-back').click();
    await screen(h.page, 'form');

    await fillForm(h.page, asItem(combined));
    await h.page.getByTestId('precheck-button').click();
    await screen(h.page, 'confirm');
    expect(await h.page.getByTestId('confirm-bundle-items').locator('li').count()).toBe(items.length);
    await axeBothModes(axe, h.page, 'bundle confirm');
    await h.page.getByTestId('confirm-submit').click();
    await screen(h.page, 'result', 30_000);
    const listed = await resultItems(h);
    expect(listed.map((i) => i.code)).toEqual(items.map((i) => i.code));
    expect(listed.every((i) => i.status === 'delivered')).toBe(true);
    expect(new Set(listed.map((i) => i.receiptNumber)).size).toBe(items.length);
    await axeBothModes(axe, h.page, 'bundle result');
    await shot(h.page, 'result');

    await finishWalk(h.page, h);
    const printed = JSON.stringify(await h.printed());
    for (const i of listed) expect(printed).toContain(i.receiptNumber);
    expect(printed).not.toMatch(/\d{17}[\dX]/);

    const after = await countsByService(h);
    for (const item of items) expect((after.get(item.code) ?? 0) - (before.get(item.code) ?? 0)).toBe(1);
    const all = await h.platformTransactions();
    expect(all).toHaveLength(total + items.length);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  });

  test('a fee inside a bundle (城乡居民参保一件事): the fee item is ticked with its amount, submitted with the others, then paid by QR; axe 0 on the payment step', async ({ kiosk: h, axe }) => {
    const orders = observePaymentOrders(h);
    const items = lifeEvent(h, 'resident-insurance');
    const fee = items.filter((i) => i.feeFen > 0);
    expect(fee).toHaveLength(1);
    const before = await countsByService(h);

    await openBundle(h, 'resident-insurance');
    for (const item of items) await expect.poll(() => h.page.getByTestId(`bundle-item-${item.code}`).isChecked()).toBe(true);
    const badge = h.page.locator(`[data-testid="bundle-item"][data-code="${fee[0]!.code}"] [data-testid="bundle-item-fee"]`);
    expect(await badge.getAttribute('data-fen')).toBe(String(fee[0]!.feeFen));
    expect(await badge.innerText()).toContain('200.00');

    await h.page.getByTestId('bundle-start').click();
    await screen(h.page, 'form');
    await fillForm(h.page, asItem(mergeBundleForm(items)));
    await h.page.getByTestId('precheck-button').click();
    await screen(h.page, 'confirm');
    await h.page.getByTestId('confirm-submit').click();
    await screen(h.page, 'result', 30_000);
    const listed = await resultItems(h);
    expect(listed.every((i) => i.status === 'delivered')).toBe(true);
    const feeReceipt = listed.find((i) => i.code === fee[0]!.code)!.receiptNumber;

    // The result leads to the fee (去缴费), named with its place in the bundle and its own receipt number.
    expect(await h.page.getByTestId('result-continue').innerText()).toContain('缴费');
    await h.page.getByTestId('result-continue').click();
    await screen(h.page, 'payment');
    await h.page.locator('[data-testid="payment-state"][data-state="waiting"]').waitFor({ timeout: 15_000 });
    const due = h.page.getByTestId('due-item');
    expect(await due.innerText()).toContain(fee[0]!.name);
    expect([await due.getAttribute('data-index'), await due.getAttribute('data-count')]).toEqual(['1', '1']);
    expect((await h.page.getByTestId('payment-receipt').innerText()).replace(/\s+/g, '')).toContain(feeReceipt);
    expect(await h.page.getByTestId('payment-amount').getAttribute('data-fen')).toBe(String(fee[0]!.feeFen));
    const order = orders.at(-1)!;
    expect(order.amountFen).toBe(fee[0]!.feeFen);
    await axeBothModes(axe, h.page, 'bundle payment');
    await shot(h.page, 'payment');

    const paid = await fetch(`${h.platform!.url}/admin/payments/${encodeURIComponent(order.paymentId)}/pay`, { method: 'POST' });
    expect(paid.ok).toBe(true);
    await h.page.locator('[data-testid="payment-state"][data-state="paid"]').waitFor({ timeout: 15_000 });
    await h.page.getByTestId('payment-continue').click();
    await screen(h.page, 'printing');
    await h.page.locator('[data-testid="print-state"][data-state="done"]').waitFor({ timeout: 30_000 });
    await h.sim('/sim/idcard/remove');
    await h.page.getByTestId('print-continue').click();
    await screen(h.page, 'rating');
    await h.page.getByTestId('rating-very-satisfied').click();
    await h.page.getByTestId('rating-submit').click();
    await screen(h.page, 'thanks');
    await h.page.getByTestId('thanks-done').click();
    await screen(h.page, 'attract');

    const after = await countsByService(h);
    for (const item of items) expect((after.get(item.code) ?? 0) - (before.get(item.code) ?? 0)).toBe(1);
  });

  test('offline: the item that needs the network is unticked and marked; the rest are queued together and each arrives once when the platform returns', async ({ kiosk: h, axe }) => {
    const items = lifeEvent(h, 'retirement');
    const online = items.filter((i) => !i.queueable);
    const queueable = items.filter((i) => i.queueable);
    expect(online.length).toBeGreaterThan(0);
    const before = await countsByService(h);
    const total = (await h.platformTransactions()).length;

    await h.stopPlatform();
    await eventually(async () => {
      await h.core.sync.syncNow();
      return h.core.sync.connectivity.state === 'offline';
    }, 20_000);
    await h.page.locator('[data-testid="connectivity-banner"][data-state="offline"]').waitFor({ timeout: 15_000 });

    await openBundle(h, 'retirement');
    for (const item of online) {
      expect(await h.page.getByTestId(`bundle-item-${item.code}`).isChecked()).toBe(false);
      expect(await h.page.getByTestId(`bundle-item-${item.code}`).isDisabled()).toBe(true);
      expect(await h.page.locator(`[data-testid="bundle-item"][data-code="${item.code}"]`).getAttribute('data-available')).toBe('false');
    }
    for (const item of queueable) expect(await h.page.getByTestId(`bundle-item-${item.code}`).isChecked()).toBe(true);
    await axeBothModes(axe, h.page, 'bundle offline');

    await h.page.getByTestId('bundle-start').click();
    await screen(h.page, 'form');
    await fillForm(h.page, asItem(mergeBundleForm(queueable)));
    await h.page.getByTestId('precheck-button').click();
    await screen(h.page, 'confirm');
    await h.page.getByTestId('confirm-submit').click();
    await screen(h.page, 'result', 30_000);
    const listed = await resultItems(h);
    expect(listed.map((i) => i.code)).toEqual(queueable.map((i) => i.code));
    expect(listed.every((i) => i.status === 'queued')).toBe(true);
    expect(await h.page.getByTestId('result-status').getAttribute('data-status')).toBe('queued');
    await axeBothModes(axe, h.page, 'bundle result queued');
    await finishWalk(h.page, h);
    const printed = JSON.stringify(await h.printed());
    for (const i of listed) expect(printed).toContain(i.receiptNumber);

    await h.startPlatform();
    const arrived = await eventually(async () => (await h.platformTransactions()).length >= total + queueable.length && h.core.store.queueStatus().pending === 0, 45_000);
    expect(arrived).toBe(true);
    const after = await countsByService(h);
    for (const item of queueable) expect((after.get(item.code) ?? 0) - (before.get(item.code) ?? 0)).toBe(1);
    for (const item of online) expect(after.get(item.code) ?? 0).toBe(before.get(item.code) ?? 0);
    const all = await h.platformTransactions();
    expect(all).toHaveLength(total + queueable.length);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  });
});
