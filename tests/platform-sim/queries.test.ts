import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../platform-sim/catalogue/generate-catalogue';
import { startFixture, type SimFixture } from './sim-fixture';

const RESIDENT = { name: '李晓明', idNumber: '110101198504121230' };
const OTHER = { name: '王芳', idNumber: '110101199003070011' };
const catalogue = generateCatalogue().items;
const codeOf = (name: string) => catalogue.find((i) => i.name === name)!.code;

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.dispose();
});

const ask = (service: string, applicant = RESIDENT, extra: object = {}) => f.call('POST', '/api/v1/queries', { deviceId: 'test-kiosk', service, applicant, parameters: {}, ...extra });
type Row = { label: string; value: string; kind: string };
const rows = (body: { sections: Array<{ rows: Row[] }> }) => body.sections.flatMap((s) => s.rows);

describe('POST /api/v1/queries', () => {
  it('社保查询: contribution years, monthly amounts and balances for the person, the same every time', async () => {
    const first = await ask(codeOf('社保查询'));
    expect(first.status).toBe(200);
    expect(first.body.service).toBe(codeOf('社保查询'));
    const all = rows(first.body);
    expect(all.find((r) => r.label === '累计缴费')?.value).toMatch(/^\d+年\d+个月$/);
    expect(all.find((r) => r.label === '个人每月缴费')).toMatchObject({ kind: 'amount', value: expect.stringMatching(/^[\d,]+\.\d\d 元$/) });
    expect(all.find((r) => r.label === '个人账户余额')?.kind).toBe('amount');
    expect(all.find((r) => r.label === '身份证号码')).toEqual({ label: '身份证号码', value: RESIDENT.idNumber, kind: 'idNumber' });
    const again = await ask(codeOf('社保查询'));
    expect(again.body.sections).toEqual(first.body.sections);
    const other = await ask(codeOf('社保查询'), OTHER);
    expect(other.body.sections).not.toEqual(first.body.sections);
  });

  it('住房公积金查询: an account number and a balance', async () => {
    const all = rows((await ask(codeOf('住房公积金查询'))).body);
    expect(all.find((r) => r.label === '个人账号')?.kind).toBe('account');
    expect(all.find((r) => r.label === '账户余额')?.kind).toBe('amount');
  });

  it('stores nothing: a query is not an application', async () => {
    await ask(codeOf('社保查询'));
    const transactions = await f.call('GET', '/admin/transactions');
    expect(JSON.stringify(transactions.body)).not.toContain(codeOf('社保查询'));
  });

  it('refuses an unknown item (404), an item that is applied for (409), a bad ID number (422) and a bad body (400)', async () => {
    expect((await ask('GG99999999')).status).toBe(404);
    const applied = await ask(codeOf('社会保障卡申领'));
    expect(applied.status).toBe(409);
    expect(applied.body.error).toBe('not-a-query');
    expect((await ask(codeOf('社保查询'), { name: '李晓明', idNumber: '110101198504121231' })).body.error).toBe('id-rejected');
    expect((await f.call('POST', '/api/v1/queries', { service: codeOf('社保查询') })).status).toBe(400);
  });
});
