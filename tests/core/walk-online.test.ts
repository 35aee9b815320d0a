import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrecheckResultSchema, ServiceDetail, ServiceSummary, SessionView, SubmitResult } from '../../common/contract/schemas';
import type { z } from 'zod';
import { DATABASE_FILE } from '../../offline-cache/index';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { filledRequest, findItem, identifyWithCard, printedReceiptWith, printedText, submit, waitForJob, WALK_ITEM_NAME } from './support/walk';
import { waitUntil } from './support/wait-until';
import { materialRoute } from '../../common/domain/material-route';

type Precheck = z.infer<typeof PrecheckResultSchema>;

/**
 * The slice of issue 2 without a browser, online: card → masked session →
 * catalogue → pre-check → durable submit (delivered) → receipt → rating →
 * wipe. Each step depends on the previous one, so they share one core.
 */
describe('walk-up transaction with the platform up', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  let result: SubmitResult;
  beforeAll(async () => {
    h = await startCoreHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the core reports online as soon as it is created with the platform up', () => {
    expect(h.core.sync.connectivity.state).toBe('online');
    expect(h.core.sync.connectivity.lastContactAt).not.toBeNull();
  });

  it('an ID card on the simulated reader identifies the person, masked', async () => {
    const view = await identifyWithCard(h);
    expect(view.identity).toEqual({ method: 'idcard', maskedName: '李**', maskedIdNumber: '1101**********1230', cardType: 'resident', expired: false });
    expect(view.sessionId).toEqual(expect.any(String));
    expect(h.log.of<SessionView>('session:onChanged')[0]?.stage).toBe('reading');
    expect(await h.ok<SessionView>('session:current')).toEqual(view);
  });

  it('catalogue:search finds 社保查询 by its pinyin initials "sbcx"', async () => {
    const found = await h.ok<{ items: ServiceSummary[]; total: number; catalogueVersion: number }>('catalogue:search', { query: 'sbcx' });
    expect(found.items.map((i) => i.name)).toContain('社保查询');
    expect(found.catalogueVersion).toBeGreaterThan(0);
  });

  it('catalogue:get returns the full item', async () => {
    item = await findItem(h, WALK_ITEM_NAME);
    expect(item.queueable).toBe(true);
    expect(item.form.some((f) => f.prefill === 'name')).toBe(true);
    expect(item.form.some((f) => f.prefill === 'idNumber')).toBe(true);
  });

  it('transactions:precheck reports every problem of an empty form at once; identity fields are filled by core', async () => {
    const check = await h.ok<Precheck>('transactions:precheck', { serviceCode: item.code, form: {} });
    const expected = [
      ...item.form.filter((f) => f.required && !f.prefill).map((f) => ({ target: 'field', id: f.id, problem: 'missing' })),
      // Materials for the window (captured elsewhere, this terminal cannot) are named on screen and receipt, not held against the form.
      ...item.materials.filter((m) => m.required && materialRoute(m) === 'checklist').map((m) => ({ target: 'material', id: m.id, problem: 'missing' })),
    ];
    expect(expected.length).toBeGreaterThan(1);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(expected);
  });

  it('transactions:submit resolves delivered, and the outbox row was committed before it resolved', async () => {
    let resolved = false;
    const seenBeforeResolution: Array<{ id: string; payload: Buffer; resolved: boolean }> = [];
    const reader = new Database(join(h.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    const off = h.core.store.onEnqueued(() => {
      // A second connection sees only committed rows.
      const rows = reader.prepare(`SELECT id, payload FROM outbox WHERE kind = 'transaction'`).all() as Array<{ id: string; payload: Buffer }>;
      for (const row of rows) seenBeforeResolution.push({ ...row, resolved });
    });
    try {
      result = await submit(h, item);
      resolved = true;
    } finally {
      off();
      reader.close();
    }
    expect(result.status).toBe('delivered');
    const seen = seenBeforeResolution.find((r) => r.id === result.id);
    expect(seen).toBeDefined();
    expect(seen!.resolved).toBe(false);
    expect(seen!.payload.includes(Buffer.from(RESIDENT.idNumber))).toBe(false);
    expect(seen!.payload.includes(Buffer.from(RESIDENT.name))).toBe(false);
    expect(h.core.store.transactionStatus(result.id)).toBe('accepted');

    const onPlatform = (await h.platformTransactions()).filter((t) => t.id === result.id);
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]).toMatchObject({ deviceId: h.core.deviceId, service: item.code });
  });

  it('printer:printReceipt reaches done; the paper carries the receipt number and only masked personal data', async () => {
    const job = await h.ok<{ jobId: string; state: string }>('printer:printReceipt', { transactionId: result.id });
    expect(job.state).toBe('queued');
    await waitForJob(h, job.jobId, 'done');
    const receipt = printedReceiptWith(h, result.receiptNumber);
    expect(receipt).toBeDefined();
    const text = printedText(receipt!);
    expect(text).toContain('李**');
    expect(text).toContain('1101**********1230');
    expect(text).toContain('已提交');
    expect(text).toContain(WALK_ITEM_NAME);
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.idNumber);
    expect(receipt!.cut).not.toBeNull();
    expect(h.core.store.printJobs.get(job.jobId)?.state).toBe('done');
  });

  it('rating:submit needs a reason for the two lowest levels', async () => {
    const base = { transactionId: result.id, serviceCode: item.code };
    expect(await h.fails('rating:submit', { ...base, level: 'very-dissatisfied' })).toBe('invalid-payload');
    expect(await h.fails('rating:submit', { ...base, level: 'dissatisfied', reason: '   ' })).toBe('invalid-payload');
    expect((await h.ok<{ id: string }>('rating:submit', { ...base, level: 'dissatisfied', reason: '排队太久' })).id).toEqual(expect.any(String));
    const rated = await h.ok<{ id: string }>('rating:submit', { ...base, level: 'very-satisfied' });
    await waitUntil(async () => {
      const ratings = (await (await fetch(`${h.platformUrl}/admin/ratings`)).json()) as Array<{ id: string }>;
      return ratings.some((r) => r.id === rated.id);
    }, 'the rating on the platform');
  });

  it('session:reveal gives the person their own data on the review step, only as a method result', async () => {
    // After the submission there is no review step: refused.
    expect(await h.fails('session:reveal')).toBe('forbidden');
    expect((await h.ok<Precheck>('transactions:precheck', filledRequest(item))).ok).toBe(true);
    expect(await h.ok('session:reveal')).toEqual({ name: RESIDENT.name, idNumber: RESIDENT.idNumber });
    // A failed pre-check sends the person back to the form: refused again.
    await h.ok<Precheck>('transactions:precheck', { serviceCode: item.code, form: {} });
    expect(await h.fails('session:reveal')).toBe('forbidden');
  });

  it('session:end wipes: reveal fails with no-session and the session transaction is gone', async () => {
    const view = await h.ok<SessionView>('session:end', { reason: 'done' });
    // The card is still on the simulated reader: the idle view says so (the screen asks to take it), and holds nobody.
    expect(view).toEqual({ sessionId: null, stage: 'idle', identity: null, leftCard: 'after-session' });
    expect(await h.fails('session:reveal')).toBe('no-session');
    expect(await h.fails('printer:printReceipt', { transactionId: result.id })).toBe('not-found');
    expect(await h.fails('transactions:submit', { serviceCode: item.code, form: {} })).toBe('no-session');
  });

  it('no event payload of the whole walk carried the full name, ID number or address', () => {
    const all = h.log.serialised();
    expect(h.log.events.length).toBeGreaterThan(5);
    expect(all).not.toContain(RESIDENT.name);
    expect(all).not.toContain(RESIDENT.idNumber);
    expect(all).not.toContain(RESIDENT.address);
    // Checked for a receiver holding every role, so the technician's events are checked too.
    const everyRole = h.core.dispatcher.connections.open('test');
    h.core.dispatcher.connections.grant(everyRole.id, 'technician');
    for (const e of h.log.events) expect(h.core.dispatcher.checkEvent(e.channel, e.payload, everyRole).ok).toBe(true);
  });
});
