import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { findItem, identifyWithCard, printedText, submit, waitForJob, WALK_ITEM_NAME } from './support/walk';

/**
 * A receipt printer that answers only real-time status (`DLE EOT`): the
 * receipt comes out, but the printer can never say it has finished. The
 * job is journalled done with the note `unconfirmed` ("printed, not
 * confirmed"), never failed, and never printed a second time by itself.
 */
describe('receipt printing on a printer that cannot confirm completion', () => {
  let h: CoreHarness;
  let tx: SubmitResult;
  beforeAll(async () => {
    h = await startCoreHarness({ devices: { receiptPrinter: { mode: 'sim', simProfile: 'realtime-only', completionTimeoutMs: 1000 } } });
    await identifyWithCard(h);
    tx = await submit(h, await findItem(h, WALK_ITEM_NAME));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is done with reason "unconfirmed", printed exactly once, and the journal says the same', async () => {
    const job = await h.ok<PrintJob>('printer:printReceipt', { transactionId: tx.id });
    const done = await waitForJob(h, job.jobId, 'done');
    expect(done.reason).toBe('unconfirmed');
    expect(h.log.of<PrintJob>('printer:onJobChanged').some((j) => j.jobId === job.jobId && j.state === 'failed')).toBe(false);
    expect(h.core.store.printJobs.get(job.jobId)).toMatchObject({ state: 'done', reason: 'unconfirmed', document: null });
    // Give a wrongly scheduled retry time to happen, then count the receipts with this number.
    await new Promise((r) => setTimeout(r, 1500));
    const copies = h.core.simulators.receiptPrinter!.printed.filter((r) => printedText(r).includes(tx.receiptNumber));
    expect(copies).toHaveLength(1);
    expect(await h.fails('printer:reprint', { jobId: job.jobId })).toBe('not-found');
  });
});
