import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDetail, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { filledRequest, findItem, identifyWithCard, WALK_ITEM_NAME } from './support/walk';

/**
 * The session is wiped while submit is still waiting for the platform's
 * acknowledgement (slow platform): the transaction stays durable, but it must
 * not carry over into whatever session comes next.
 */
describe('session wiped while a submit waits for the acknowledgement', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    item = await findItem(h, WALK_ITEM_NAME);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the late result is not kept for the next session (no receipt can be printed from it)', async () => {
    const slow = await fetch(`${h.platformUrl}/admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latencyMs: 1500 }) });
    expect(slow.ok).toBe(true);
    const enqueued = new Promise<void>((resolve) => {
      const off = h.core.store.onEnqueued(() => {
        off();
        resolve();
      });
    });
    const pending = h.call('transactions:submit', filledRequest(item));
    await enqueued;
    await h.ok('session:end', { reason: 'cancelled' });
    const r = await pending;
    expect(r.ok).toBe(true);
    const result = (r as { ok: true; value: SubmitResult }).value;
    expect(['pending', 'in-flight', 'accepted']).toContain(h.core.store.transactionStatus(result.id));

    expect(await h.fails('printer:printReceipt', { transactionId: result.id })).toBe('not-found');
  });
});
