import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus, ServiceDetail } from '../../common/contract/schemas';
import { StorageError } from '../../offline-cache/index';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { filledRequest, findItem, identifyWithCard, WALK_ITEM_NAME } from './support/walk';

/** What a transport gets back for requests the core must refuse. */
describe('core refusals through the dispatcher', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  beforeAll(async () => {
    h = await startCoreHarness();
    item = await findItem(h, WALK_ITEM_NAME);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('catalogue:get of an unknown code → not-found', async () => {
    expect(await h.fails('catalogue:get', { code: 'XK99999999' })).toBe('not-found');
  });

  it('precheck of an unknown service code → not-found', async () => {
    expect(await h.fails('transactions:precheck', { serviceCode: 'XK99999999', form: {} })).toBe('not-found');
  });

  it('an unknown channel → invalid-payload', async () => {
    expect(await h.fails('catalogue:drop', {})).toBe('invalid-payload');
    expect(await h.fails('session:onChanged', {})).toBe('invalid-payload');
  });

  it.each([
    ['catalogue:get', {}],
    ['catalogue:get', { code: '' }],
    ['catalogue:get', { code: 'x'.repeat(65) }],
    ['catalogue:search', { query: 'a', limit: 0 }],
    ['catalogue:search', { query: 'x'.repeat(101) }],
    ['transactions:submit', { serviceCode: 'GG00002001' }],
    ['transactions:submit', { serviceCode: 'GG00002001', form: { phone: 13800138000 } }],
    ['session:end', { reason: 'bored' }],
    ['session:identifyByQr', { payload: '' }],
    ['system:info', { extra: true }],
    ['rating:submit', { transactionId: null, serviceCode: 'GG00002001', level: 'great' }],
    ['rating:submit', { transactionId: null, serviceCode: 'GG00002001', level: 'very-dissatisfied', reason: null }],
    ['printer:printReceipt', { transactionId: 42 }],
  ])('%s %j → invalid-payload', async (channel, payload) => {
    expect(await h.fails(channel, payload)).toBe('invalid-payload');
  });

  it('submit without an identified person → no-session, and nothing is written', async () => {
    const before = h.core.store.queueStatus();
    expect(await h.fails('transactions:submit', filledRequest(item))).toBe('no-session');
    expect(h.core.store.queueStatus()).toEqual(before);
  });

  it('submit with problems → invalid-payload listing every problem, and nothing is written', async () => {
    await identifyWithCard(h);
    const before = h.core.store.queueStatus();
    const r = await h.call('transactions:submit', { serviceCode: item.code, form: { phone: '123' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-payload');
    const problems = (r.error.detail as { problems: Array<{ id: string; problem: string }> }).problems;
    expect(problems).toContainEqual({ target: 'field', id: 'phone', problem: 'invalid' });
    expect(problems.some((p) => p.problem === 'missing')).toBe(true);
    expect(h.core.store.queueStatus()).toEqual(before);
  });

  it('a full disk on submit or rating → storage-full with its message, as the store said it', async () => {
    await identifyWithCard(h);
    const store = h.core.store as unknown as Record<string, unknown>;
    const full = () => {
      throw new StorageError('storage-full');
    };
    store.submitTransaction = full;
    store.enqueueRating = full;
    try {
      expect(await h.call('transactions:submit', filledRequest(item))).toEqual({ ok: false, error: { code: 'storage-full', message: new StorageError('storage-full').message } });
      expect(await h.fails('rating:submit', { transactionId: null, serviceCode: item.code, level: 'satisfied' })).toBe('storage-full');
    } finally {
      delete store.submitTransaction;
      delete store.enqueueRating;
    }
  });

  it('printing a transaction of no session → not-found', async () => {
    expect(await h.fails('printer:printReceipt', { transactionId: '01a20000-0000-7000-8000-000000000000' })).toBe('not-found');
  });

  it('devices:list reports the simulated devices', async () => {
    const list = await h.ok<DeviceStatus[]>('devices:list');
    expect(list.filter((d) => d.simulated).map((d) => d.name)).toEqual(['idcard', 'receipt-printer', 'scanner']);
    // The A4 printer is the OS spooler queue (CUPS), never simulated.
    expect(list.filter((d) => !d.simulated).map((d) => d.name)).toEqual(['a4-printer']);
  });
});
