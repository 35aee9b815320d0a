import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus, PrintJob, ServiceDetail, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { findItem, identifyWithCard, printedReceiptWith, printedText, submit, waitForJob, WALK_ITEM_NAME } from './support/walk';
import { waitUntil } from './support/wait-until';

/** Paper runs out in the middle of a receipt; the person (or technician) refills and prints it again. */
describe('receipt printing: paper-out during a job, refill, reprint', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  let tx: SubmitResult;
  let jobId: string;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    item = await findItem(h, WALK_ITEM_NAME);
    tx = await submit(h, item);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('paper running out mid-receipt fails the job with reason paper-out, journalled', async () => {
    const sim = h.core.simulators.receiptPrinter!;
    // Enough bytes for the job to start, far fewer than one receipt.
    sim.setFault('paper-out-after:300');
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    jobId = job.jobId;
    const failed = await waitForJob(h, jobId, 'failed');
    expect(failed.reason).toBe('paper-out');
    expect(h.log.of<PrintJob>('printer:onJobChanged').some((j) => j.jobId === jobId && j.state === 'printing')).toBe(true);
    expect(h.core.store.printJobs.get(jobId)).toMatchObject({ state: 'failed', reason: 'paper-out' });
    expect(printedReceiptWith(h, tx.receiptNumber)).toBeUndefined();
    await waitUntil(
      () => h.log.of<DeviceStatus>('devices:onStatusChanged').some((s) => s.device === 'receiptPrinter' && s.paper === 'out'),
      'devices:onStatusChanged with paper out',
    );
  });

  it('reprint while still out of paper fails again with paper-out', async () => {
    const seen = h.log.of('printer:onJobChanged').length;
    await h.ok<PrintJob>('printer:reprint', { jobId });
    const failed = await waitForJob(h, jobId, 'failed', seen);
    expect(failed.reason).toBe('paper-out');
  });

  it('after a refill, printer:reprint prints the whole receipt and reaches done', async () => {
    h.core.simulators.receiptPrinter!.setFault('refill');
    const seen = h.log.of('printer:onJobChanged').length;
    const job = await h.ok<PrintJob>('printer:reprint', { jobId });
    expect(job).toMatchObject({ jobId, state: 'queued' });
    await waitForJob(h, jobId, 'done', seen);
    const receipt = printedReceiptWith(h, tx.receiptNumber);
    expect(receipt).toBeDefined();
    const text = printedText(receipt!);
    expect(text).toContain('李**');
    expect(text).toContain('凭受理编号查询办理进度');
    expect(text).toContain(`ZWFW:${tx.receiptNumber}:${tx.id}`);
    expect(receipt!.cut).not.toBeNull();
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.idNumber);
    expect(h.core.store.printJobs.get(jobId)?.state).toBe('done');
  });

  it('a printed job cannot be reprinted (not-found), nor can an unknown one', async () => {
    expect(await h.fails('printer:reprint', { jobId })).toBe('not-found');
    expect(await h.fails('printer:reprint', { jobId: 'no-such-job' })).toBe('not-found');
  });

  it('a storage error while a job runs does not stop later receipts from printing', async () => {
    const journal = h.core.store.printJobs;
    const original = journal.markPrinting.bind(journal);
    journal.markPrinting = () => {
      throw Object.assign(new Error('disk full'), { code: 'storage-full' });
    };
    let broken: PrintJob;
    try {
      broken = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    } finally {
      journal.markPrinting = original;
    }
    expect((await waitForJob(h, broken.jobId, 'failed')).reason).toBe('printer-error');
    const next = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    await waitForJob(h, next.jobId, 'done');
  });

  it('cover open fails the job with reason cover-open', async () => {
    h.core.simulators.receiptPrinter!.setFault('cover-open');
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    expect((await waitForJob(h, job.jobId, 'failed')).reason).toBe('cover-open');
    h.core.simulators.receiptPrinter!.setFault('cover-close');
  });

  it('the next person cannot reprint an earlier person\u2019s failed receipt (forbidden): it stays in the journal for the technician', async () => {
    h.core.simulators.receiptPrinter!.setFault('paper-out-after:300');
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    await waitForJob(h, job.jobId, 'failed');
    await h.ok('session:end', { reason: 'done' });
    h.core.simulators.receiptPrinter!.setFault('refill');
    await identifyWithCard(h);
    expect(await h.fails('printer:reprint', { jobId: job.jobId })).toBe('forbidden');
    expect(h.core.store.printJobs.get(job.jobId)?.state).toBe('failed');
  });
});
