import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connectivity, ServiceDetail, ServiceSummary, SessionView, SubmitResult } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { QR_PERSON, RESIDENT } from './support/fixtures';
import { filledRequest, findItem, identifyWithCard, printedReceiptWith, printedText, submit, waitForJob, WALK_ITEM_NAME } from './support/walk';
import { waitUntil } from './support/wait-until';

/**
 * The same walk with the platform stopped: the catalogue is served from the
 * cache, submit answers `queued`, the receipt says so, and when the platform
 * returns (same port, same data dir) the transaction arrives exactly once.
 */
describe('walk-up transaction with the platform down, then back', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  let result: SubmitResult;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    item = await findItem(h, WALK_ITEM_NAME);
    await h.stopPlatform();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the renderer the kiosk is offline', async () => {
    expect((await h.ok<Connectivity>('connectivity:status')).state).toBe('offline');
    expect(h.log.of<Connectivity>('connectivity:onChanged').at(-1)?.state).toBe('offline');
  });

  it('still serves the cached catalogue', async () => {
    const found = await h.ok<{ items: ServiceSummary[] }>('catalogue:search', { query: WALK_ITEM_NAME });
    expect(found.items.some((i) => i.code === item.code)).toBe(true);
    expect((await h.ok<ServiceDetail>('catalogue:get', { code: item.code })).name).toBe(WALK_ITEM_NAME);
  });

  it('refuses an item that needs the platform now with platform-unreachable, and writes nothing', async () => {
    const query = await findItem(h, '社保查询');
    expect(query.queueable).toBe(false);
    const pendingBefore = h.core.store.queueStatus().pending;
    expect(await h.fails('transactions:submit', filledRequest(query))).toBe('platform-unreachable');
    expect(h.core.store.queueStatus().pending).toBe(pendingBefore);
  });

  it('a QR e-ID cannot be checked without the platform: platform-unreachable', async () => {
    expect(await h.fails('session:identifyByQr', { payload: `EID:${QR_PERSON.idNumber}:${QR_PERSON.name}` })).toBe('platform-unreachable');
    expect(h.log.of<{ code: string }>('session:onIdentifyFailed').at(-1)?.code).toBe('platform-unreachable');
    expect((await h.ok<SessionView>('session:current')).identity?.maskedName).toBe('李**');
  });

  it('submit resolves queued with the transaction durably pending', async () => {
    result = await submit(h, item);
    expect(result.status).toBe('queued');
    expect(['pending', 'in-flight']).toContain(h.core.store.transactionStatus(result.id));
    expect(h.core.store.queueStatus().pending + h.core.store.queueStatus().inFlight).toBeGreaterThanOrEqual(1);
    await waitUntil(() => h.log.of<Connectivity>('connectivity:onChanged').some((c) => c.state === 'offline' && c.pending >= 1), 'connectivity:onChanged offline with the item pending');
  });

  it('the receipt prints offline and says it will be sent automatically', async () => {
    const job = await h.ok<{ jobId: string }>('printer:printReceipt', { transactionId: result.id });
    await waitForJob(h, job.jobId, 'done');
    const text = printedText(printedReceiptWith(h, result.receiptNumber)!);
    expect(text).toContain('已保存，网络恢复后自动发送');
    expect(text).not.toContain(RESIDENT.name);
  });

  it('rating and wipe work offline', async () => {
    await h.ok('rating:submit', { transactionId: result.id, serviceCode: item.code, level: 'basic' });
    await h.ok('session:end', { reason: 'done' });
    expect(await h.fails('session:reveal')).toBe('no-session');
  });

  it('when the platform returns on the same port and data dir, the transaction arrives exactly once', async () => {
    await h.restartPlatform();
    await waitUntil(async () => (await h.platformTransactions()).some((t) => t.id === result.id), 'the queued transaction on the platform');
    await waitUntil(() => h.core.store.transactionStatus(result.id) === 'accepted', 'the kiosk to record the acknowledgement');
    const rows = (await h.platformTransactions()).filter((t) => t.id === result.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deviceId: h.core.deviceId, service: item.code });
    await waitUntil(() => h.core.sync.connectivity.state === 'online' && h.core.sync.connectivity.pending === 0, 'online with an empty outbox');
    expect(h.log.serialised()).not.toContain(RESIDENT.idNumber);
  });
});
