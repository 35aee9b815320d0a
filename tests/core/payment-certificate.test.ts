import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentOrder, PaymentStatus, PrintJob, ServiceDetail, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { filledRequest, identifyWithCard, printedReceiptWith, printedText, waitForJob } from './support/walk';
import { waitUntil } from './support/wait-until';

const HAS_CUPS = existsSync('/usr/sbin/cupsd') && existsSync('/usr/bin/lpstat');

function firstItem(h: CoreHarness, test: (i: ServiceDetail) => boolean): ServiceDetail {
  const item = h.core.store.catalogue.all().find(test);
  if (!item) throw new Error('no such item in the generated catalogue');
  return item;
}

/** Fees (统一公共支付) and A4 certificates through the platform, and the staff-assist call. */
describe('payment, certificate printing and staff assist', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a fee item: order with QR payload, pending, paid once the platform says so; cancel; foreign ids refused', async () => {
    const item = firstItem(h, (i) => i.feeFen > 0 && i.form.length <= 6);
    const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    expect(tx.status).toBe('delivered');

    const order = await h.ok<PaymentOrder>('payment:create', { transactionId: tx.id });
    expect(order.amountFen).toBe(item.feeFen);
    expect(order.qrPayload.length).toBeGreaterThan(0);
    expect((await h.ok<PaymentStatus>('payment:status', { paymentId: order.paymentId })).status).toBe('pending');

    const paid = await fetch(`${h.platformUrl}/admin/payments/${encodeURIComponent(order.paymentId)}/pay`, { method: 'POST' });
    expect(paid.ok).toBe(true);
    expect((await h.ok<PaymentStatus>('payment:status', { paymentId: order.paymentId })).status).toBe('paid');

    const second = await h.ok<PaymentOrder>('payment:create', { transactionId: tx.id });
    const cancelled = await h.ok<PaymentStatus>('payment:cancel', { paymentId: second.paymentId });
    expect(['cancelled', 'pending']).toContain(cancelled.status);
    expect(await h.fails('payment:status', { paymentId: 'not-from-this-session' })).toBe('not-found');
  });

  it('the receipt states the fee: paid (amount, channel, 已缴费) or left for later (未缴费 and how to pay)', async () => {
    const item = firstItem(h, (i) => i.feeFen > 0 && i.form.length <= 6);
    const yuan = `${(item.feeFen / 100).toFixed(2)} 元`;
    const paidTx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    const order = await h.ok<PaymentOrder>('payment:create', { transactionId: paidTx.id });
    await fetch(`${h.platformUrl}/admin/payments/${encodeURIComponent(order.paymentId)}/pay`, { method: 'POST' });
    expect((await h.ok<PaymentStatus>('payment:status', { paymentId: order.paymentId })).status).toBe('paid');
    const paidJob = await h.ok<PrintJob>('printer:printReceipt', { transactionId: paidTx.id });
    await waitForJob(h, paidJob.jobId, 'done');
    const paidText = printedText(printedReceiptWith(h, paidTx.receiptNumber)!);
    expect(paidText).toContain(yuan);
    expect(paidText).toContain('统一公共支付平台');
    expect(paidText).toContain('已缴费');

    const laterTx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    const laterJob = await h.ok<PrintJob>('printer:printReceipt', { transactionId: laterTx.id });
    await waitForJob(h, laterJob.jobId, 'done');
    const laterText = printedText(printedReceiptWith(h, laterTx.receiptNumber)!);
    expect(laterText).toContain(yuan);
    expect(laterText).toContain('未缴费');
    expect(laterText).toContain('凭受理编号到窗口或在手机上缴费');
    expect(laterText).not.toContain('已缴费');
    // No line of either receipt is a lone piece of punctuation.
    for (const line of `${paidText}\n${laterText}`.split('\n')) expect(line.trim(), line).not.toMatch(/^[。，、；：？！）]$/);
  });

  it('a free item has nothing to pay', async () => {
    const item = firstItem(h, (i) => i.feeFen === 0 && i.queueable && i.form.length <= 6);
    const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    expect(await h.fails('payment:create', { transactionId: tx.id })).toBe('invalid-payload');
  });

  it('a receipt-only item has no certificate', async () => {
    const item = firstItem(h, (i) => i.output === 'receipt' && i.feeFen === 0 && i.queueable && i.form.length <= 6);
    const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    expect(await h.fails('printer:printCertificate', { transactionId: tx.id })).toBe('invalid-payload');
  });

  it.skipIf(!HAS_CUPS)('a certificate item prints its A4 PDF through CUPS (cups-pdf) and reports done', async () => {
    const item = firstItem(h, (i) => i.output === 'certificate' && i.feeFen === 0 && i.form.length <= 6);
    const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(item));
    expect(tx.status).toBe('delivered');
    const job = await h.ok<PrintJob>('printer:printCertificate', { transactionId: tx.id });
    expect(job.kind).toBe('certificate');
    const final = () => h.log.of<PrintJob>('printer:onJobChanged').find((j) => j.jobId === job.jobId && (j.state === 'done' || j.state === 'failed'));
    await waitUntil(() => final() !== undefined, 'the certificate job to end', 60_000);
    expect(final()).toMatchObject({ state: 'done', kind: 'certificate', transactionId: tx.id });
  });

  it('staff assist is recorded for the platform without personal data', async () => {
    await h.ok('system:requestStaff', { screen: 'home' });
    const staffEvents = async () => ((await (await fetch(`${h.platformUrl}/admin/telemetry`)).json()) as Array<{ type: string; data: unknown }>).filter((t) => t.type === 'staff-assist');
    await waitUntil(async () => (await staffEvents()).length === 1, 'the staff-assist event to reach the platform');
    expect((await staffEvents())[0]!.data).toEqual({ screen: 'home' });
    expect(h.core.store.audit.verify().ok).toBe(true);
  });
});
