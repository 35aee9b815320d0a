import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintJob, QueryResult, ServiceDetail } from '../../common/contract/schemas';
import { DATABASE_FILE } from '../../offline-cache/index';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { findItem, identifyWithCard, printedReceiptWith, printedText, waitForJob } from './support/walk';

/** Rows of the outbox and of the transaction records, read from the kiosk's own SQLite file. */
function storedRows(h: CoreHarness): { outbox: number; transactions: number } {
  const db = new Database(join(h.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { outbox: count('outbox'), transactions: count('transactions') };
  } finally {
    db.close();
  }
}

const values = (r: QueryResult) => r.sections.flatMap((s) => s.rows.map((row) => `${row.label}=${row.value}`)).join('\n');

/**
 * 社保查询 and the other query items (catalogue `kind: 'query'`) against a
 * real platform-sim over HTTP and the real SQLite store: the answer is shown
 * masked, revealed in full for the person, printed on the receipt printer,
 * and nothing reaches the outbox.
 */
describe('query items: asked, shown, printed, never queued', () => {
  let h: CoreHarness;
  let item: ServiceDetail;
  beforeAll(async () => {
    h = await startCoreHarness();
    await identifyWithCard(h);
    item = await findItem(h, '社保查询');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the catalogue marks 社保查询 a query that asks no phone number', () => {
    expect(item.kind).toBe('query');
    expect(item.form.every((f) => f.prefill !== null)).toBe(true);
  });

  let masked: QueryResult;
  it('queries:run answers on the spot, identifiers shortened and amounts hidden, and writes nothing to the store', async () => {
    const before = storedRows(h);
    masked = await h.ok<QueryResult>('queries:run', { serviceCode: item.code, form: {} });
    expect(masked.serviceCode).toBe(item.code);
    const shown = values(masked);
    expect(shown).toContain('累计缴费=');
    expect(shown).toContain('个人账户余额=****');
    expect(shown).toContain('姓名=李**');
    expect(shown).not.toContain(RESIDENT.idNumber);
    expect(shown).not.toContain(RESIDENT.name);
    expect(storedRows(h)).toEqual(before);
  });

  it('queries:reveal gives the same answer in full, and the answer is deterministic', async () => {
    const full = await h.ok<QueryResult>('queries:reveal', { id: masked.id });
    expect(values(full)).toContain(`身份证号码=${RESIDENT.idNumber}`);
    expect(values(full)).toMatch(/个人账户余额=[\d,]+\.\d\d 元/);
    expect(full.sections.flatMap((s) => s.rows).every((r) => !r.masked)).toBe(true);
    const again = await h.ok<QueryResult>('queries:reveal', { id: (await h.ok<QueryResult>('queries:run', { serviceCode: item.code, form: {} })).id });
    expect(values(again)).toBe(values(full));
  });

  it('printer:printQueryResult prints the answer: identifiers masked, amounts in full, no outbox row', async () => {
    const before = storedRows(h);
    const job = await h.ok<PrintJob>('printer:printQueryResult', { queryId: masked.id });
    expect(job.transactionId).toBeNull();
    await waitForJob(h, job.jobId, 'done');
    const receipt = printedReceiptWith(h, '查询结果单');
    expect(receipt).toBeDefined();
    const text = printedText(receipt!);
    expect(text).toContain('社保查询');
    expect(text).toMatch(/个人账户余额：\s*[\d,]+\.\d\d 元/);
    expect(text).not.toContain(RESIDENT.idNumber);
    expect(text).not.toContain(RESIDENT.name);
    expect(storedRows(h)).toEqual(before);
  });

  it('a query cannot be submitted as an application', async () => {
    const before = storedRows(h);
    expect(await h.fails('transactions:submit', { serviceCode: item.code, form: {}, materials: [] })).toBe('invalid-payload');
    expect(storedRows(h)).toEqual(before);
  });

  it('a query in a life event (社保查询 in 退休一件事) is not submitted with the bundle', async () => {
    const retirement = h.core.store.catalogue.lifeEvents().find((e) => e.id === 'retirement')!;
    expect(retirement.itemCodes).toContain(item.code);
    const before = storedRows(h);
    const r = await h.call('transactions:submitBundle', { bundleId: 'retirement', itemCodes: retirement.itemCodes, form: {}, materials: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-payload');
    expect(r.error.detail).toEqual({ itemCodes: [item.code] });
    expect(storedRows(h)).toEqual(before);
  });

  it('an item that is applied for is not a query: not-found', async () => {
    const application = await findItem(h, '社会保障卡申领');
    expect(await h.fails('queries:run', { serviceCode: application.code, form: {} })).toBe('not-found');
  });

  it('the provident-fund query answers with an account (masked) and a balance', async () => {
    const fund = await findItem(h, '住房公积金查询');
    const shown = values(await h.ok<QueryResult>('queries:run', { serviceCode: fund.code, form: {} }));
    expect(shown).toMatch(/个人账号=41\d\d\*+\d{4}/);
    expect(shown).toContain('账户余额=****');
  });

  it('with the platform down: platform-unreachable, nothing stored', async () => {
    await h.stopPlatform();
    const before = storedRows(h);
    expect(await h.fails('queries:run', { serviceCode: item.code, form: {} })).toBe('platform-unreachable');
    expect(storedRows(h)).toEqual(before);
  });
  it('the answer is forgotten when the session ends', async () => {
    await h.ok('session:end', { reason: 'done' });
    expect(await h.fails('queries:reveal', { id: masked.id })).toBe('not-found');
    expect(await h.fails('queries:run', { serviceCode: item.code, form: {} })).toBe('no-session');
  });

});
