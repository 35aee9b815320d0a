import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DelegationView } from '../../common/contract/delegation-schemas';
import type { ServiceDetail, SubmitResult } from '../../common/contract/schemas';
import { idNumberCheckChar } from '../../common/domain/id-number';
import { DATABASE_FILE } from '../../offline-cache/index';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { RESIDENT } from './support/fixtures';
import { filledRequest, findItem, identifyWithCard, printedReceiptWith, printedText, waitForJob } from './support/walk';
import { waitUntil } from './support/wait-until';

/** The principal of the card route: the simulator's `hmt` sample card. */
const HMT = { name: '陈嘉欣', idNumber: '810000199208200020' } as const;
/** The principal of the authorisation route (not on any card). */
const ELDER = { name: '王秀英', idNumber: '11010519400923004X' } as const;

/** A valid ID number of `region` (6 digits) born on `birth` (YYYYMMDD). */
function idNumber(region: string, birth: string, serial = '123'): string {
  const first17 = `${region}${birth}${serial}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** YYYYMMDD of `years` years before today (UTC). */
function bornYearsAgo(years: number): string {
  const d = new Date();
  return `${d.getUTCFullYear() - years}0101`;
}

/** Lifts the card off the simulated reader and waits three polls, so the reader has noticed before the next card is placed. */
async function lift(h: CoreHarness): Promise<void> {
  h.core.simulators.removeCard();
  const polls = h.core.simulators.idcard!.requests;
  await waitUntil(() => h.core.simulators.idcard!.requests >= polls + 3, 'the lift noticed');
}

/** Issues an authorisation QR at platform-sim, as the principal's phone would show it. */
async function authorise(h: CoreHarness, body: Record<string, unknown>): Promise<{ token: string; authorisationId: string }> {
  const r = await fetch(`${h.platformUrl}/admin/delegations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(200);
  return (await r.json()) as { token: string; authorisationId: string };
}

/**
 * 代办 through the real core, platform-sim on loopback, the simulated card
 * reader and scanner: each route, each refusal, the record sealed in the
 * outbox and received by the platform, the receipt, and the wipe.
 */
describe('acting for another person (代办)', () => {
  let h: CoreHarness;
  let delegable: ServiceDetail;
  let personal: ServiceDetail;

  beforeAll(async () => {
    h = await startCoreHarness({ idcardPollMs: 30 });
    delegable = await findItem(h, '社会保障卡申领');
    personal = await findItem(h, '居民身份证换领');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.ok('session:end', { reason: 'cancelled' });
    await lift(h);
    h.log.events.length = 0;
    await identifyWithCard(h);
  });

  const delegationEvents = () => h.log.of<DelegationView>('delegation:onChanged');
  /** The card route: start, the agent's card lifted, the principal's (`hmt`) placed and read. */
  const principalByCard = async () => {
    await h.ok('delegation:start', { route: 'card' });
    await lift(h);
    h.core.simulators.insertCard('hmt');
    await waitUntil(() => delegationEvents().some((v) => v.state === 'ready'), 'the principal read');
  };

  it('the catalogue says which items may be done for someone else', () => {
    expect(delegable.delegable).toBe(true);
    expect(personal.delegable).toBe(false);
  });

  it('card route: the agent lifts their card, the principal’s card is read as the principal, the session goes on; submitted, sealed, received and printed with both masked', async () => {
    expect((await h.ok<DelegationView>('delegation:start', { route: 'card' })).state).toBe('awaiting-card');
    await lift(h);
    h.core.simulators.insertCard('hmt');
    await waitUntil(() => delegationEvents().some((v) => v.state === 'ready'), 'the principal read');
    const session = await h.ok<{ stage: string; identity: { maskedName: string } }>('session:current');
    expect(session.stage).toBe('identified');
    expect(session.identity.maskedName).toBe('李**');
    const ready = await h.ok<DelegationView>('delegation:setRelation', { relation: 'spouse' });
    expect(ready).toMatchObject({ state: 'ready', route: 'card', relation: 'spouse', principal: { maskedName: '陈**', maskedIdNumber: '8100**********0020' } });

    const reader = new Database(join(h.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    let raw: Buffer[] = [];
    const off = h.core.store.onEnqueued(() => {
      raw = (reader.prepare(`SELECT payload FROM outbox WHERE kind = 'transaction'`).all() as Array<{ payload: Buffer }>).map((r) => r.payload);
    });
    let result: SubmitResult;
    try {
      result = await h.ok<SubmitResult>('transactions:submit', filledRequest(delegable));
    } finally {
      off();
      reader.close();
    }
    expect(result.status).toBe('delivered');
    // Encrypted at rest: neither person's name nor ID number is in any sealed row.
    expect(raw.length).toBeGreaterThan(0);
    for (const bytes of raw) {
      const text = bytes.toString('utf8') + bytes.toString('latin1');
      for (const secret of [HMT.name, HMT.idNumber, RESIDENT.name, RESIDENT.idNumber, 'card-present']) expect(text).not.toContain(secret);
    }
    const received = (await h.platformTransactions()).find((t) => t.id === result.id);
    expect(received?.delegation).toEqual({
      route: 'card',
      relation: 'spouse',
      agent: { name: RESIDENT.name, idNumber: RESIDENT.idNumber },
      principal: { name: HMT.name, idNumber: HMT.idNumber },
      consent: { kind: 'card-present', ref: null },
    });

    const job = await h.ok<{ jobId: string }>('printer:printReceipt', { transactionId: result.id });
    await waitForJob(h, job.jobId, 'done');
    const text = printedText(printedReceiptWith(h, result.receiptNumber)!);
    expect(text).toContain('陈**');
    expect(text).toContain('8100**********0020');
    expect(text).toContain('代办人');
    expect(text).toContain('李**');
    for (const secret of [HMT.name, HMT.idNumber, RESIDENT.name, RESIDENT.idNumber]) expect(text).not.toContain(secret);
  });

  it('refuses a service the catalogue marks as not delegable (pre-check and submit), with its reason', async () => {
    await principalByCard();
    await h.ok('delegation:setRelation', { relation: 'child' });
    for (const channel of ['transactions:precheck', 'transactions:submit']) {
      const r = await h.call(channel, filledRequest(personal));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'forbidden', detail: { reason: 'not-delegable' } });
    }
  });

  it('refuses a query while acting for someone else (it would answer with the agent’s own records)', async () => {
    const query = await findItem(h, '社保查询');
    expect(query.delegable).toBe(false);
    await h.ok('delegation:start', { route: 'card' });
    const r = await h.call('queries:run', { serviceCode: query.code, form: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'forbidden', detail: { reason: 'not-delegable' } });
  });

  it('refuses the agent’s own card as the principal', async () => {
    await h.ok('delegation:start', { route: 'card' });
    await lift(h);
    h.core.simulators.insertCard('resident');
    await waitUntil(() => delegationEvents().some((v) => v.refusal === 'same-person'), 'same-person refusal');
    expect((await h.ok<DelegationView>('delegation:current')).state).toBe('awaiting-card');
  });

  it('a submission before the relation is chosen is refused as incomplete', async () => {
    await h.ok('delegation:start', { route: 'card' });
    const r = await h.call('transactions:submit', filledRequest(delegable));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-payload', detail: { reason: 'delegation-incomplete' } });
  });

  it('authorisation route through the simulated scanner: the principal, what it covers, and the authorisation id as consent', async () => {
    const { token, authorisationId } = await authorise(h, { agentIdNumber: RESIDENT.idNumber, principal: ELDER, services: [delegable.code] });
    await h.ok('delegation:start', { route: 'authorisation' });
    await h.core.simulators.scanner!.scan(token);
    await waitUntil(() => delegationEvents().some((v) => v.state === 'ready'), 'the authorisation accepted');
    const view = await h.ok<DelegationView>('delegation:setRelation', { relation: 'child' });
    expect(view).toMatchObject({ state: 'ready', route: 'authorisation', principal: { maskedName: '王**' }, services: [delegable.code] });
    const result = await h.ok<SubmitResult>('transactions:submit', filledRequest(delegable));
    const received = (await h.platformTransactions()).find((t) => t.id === result.id);
    expect(received?.delegation?.consent).toEqual({ kind: 'authorisation', ref: authorisationId });
    expect(received?.delegation?.principal).toEqual(ELDER);
  });

  it('refuses an expired authorisation', async () => {
    const { token } = await authorise(h, { agentIdNumber: RESIDENT.idNumber, principal: ELDER, services: [delegable.code], validForSeconds: -60 });
    await h.ok('delegation:start', { route: 'authorisation' });
    expect(await h.ok<DelegationView>('delegation:useAuthorisation', { token })).toMatchObject({ state: 'awaiting-authorisation', refusal: 'authorisation-expired', principal: null });
  });

  it('refuses an authorisation granted to another agent', async () => {
    const { token } = await authorise(h, { agentIdNumber: HMT.idNumber, principal: ELDER, services: [delegable.code] });
    await h.ok('delegation:start', { route: 'authorisation' });
    expect(await h.ok<DelegationView>('delegation:useAuthorisation', { token })).toMatchObject({ refusal: 'authorisation-other-agent', principal: null });
  });

  it('refuses a forged authorisation (its signature broken)', async () => {
    const { token } = await authorise(h, { agentIdNumber: RESIDENT.idNumber, principal: ELDER, services: [delegable.code] });
    const [prefix, payload, signature] = token.split('.');
    const forged = `${prefix}.${payload}.${signature!.slice(0, -4)}AAAA`;
    await h.ok('delegation:start', { route: 'authorisation' });
    expect(await h.ok<DelegationView>('delegation:useAuthorisation', { token: forged })).toMatchObject({ refusal: 'authorisation-invalid' });
  });

  it('refuses a service the authorisation does not name', async () => {
    const other = await findItem(h, '高龄津贴申请');
    expect(other.delegable).toBe(true);
    const { token } = await authorise(h, { agentIdNumber: RESIDENT.idNumber, principal: ELDER, services: [delegable.code] });
    await h.ok('delegation:start', { route: 'authorisation' });
    await h.ok('delegation:useAuthorisation', { token });
    await h.ok('delegation:setRelation', { relation: 'child' });
    const r = await h.call('transactions:submit', filledRequest(other));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'forbidden', detail: { reason: 'authorisation-other-service' } });
  });

  it('guardian route: a child under 14 of the agent’s household, checked by the platform', async () => {
    const child = idNumber(RESIDENT.idNumber.slice(0, 6), bornYearsAgo(6));
    const view = await h.ok<DelegationView>('delegation:checkGuardian', { childIdNumber: child, relation: 'parent' });
    expect(view).toMatchObject({ state: 'ready', route: 'guardian', relation: 'parent', principal: { maskedIdNumber: `${child.slice(0, 4)}**********${child.slice(14)}` } });
    const result = await h.ok<SubmitResult>('transactions:submit', filledRequest(delegable));
    const received = (await h.platformTransactions()).find((t) => t.id === result.id);
    expect(received?.delegation).toMatchObject({ route: 'guardian', relation: 'parent', principal: { idNumber: child }, consent: { kind: 'guardian-check', ref: expect.any(String) } });
  });

  it('refuses the guardian route when the household register does not show the agent as guardian', async () => {
    const child = idNumber('440301', bornYearsAgo(6));
    expect(await h.ok<DelegationView>('delegation:checkGuardian', { childIdNumber: child, relation: 'parent' })).toMatchObject({ state: 'none', refusal: 'guardian-check-failed' });
  });

  it('refuses the guardian route for a child of 14 or over, at the kiosk and at the platform', async () => {
    const teen = idNumber(RESIDENT.idNumber.slice(0, 6), bornYearsAgo(15));
    expect(await h.ok<DelegationView>('delegation:checkGuardian', { childIdNumber: teen, relation: 'parent' })).toMatchObject({ refusal: 'child-over-14', principal: null });
    const r = await fetch(`${h.platformUrl}/api/v1/delegations/guardian-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ guardianIdNumber: RESIDENT.idNumber, childIdNumber: teen, relation: 'parent' }),
    });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toBe('child-over-14');
  });

  it('refuses a child ID number whose check digit is wrong', async () => {
    const good = idNumber(RESIDENT.idNumber.slice(0, 6), bornYearsAgo(6));
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(await h.ok<DelegationView>('delegation:checkGuardian', { childIdNumber: bad, relation: 'parent' })).toMatchObject({ refusal: 'id-number-invalid' });
  });

  it('the idle wipe clears agent and principal', async () => {
    await principalByCard();
    await h.ok('delegation:setRelation', { relation: 'parent' });
    await h.ok('session:end', { reason: 'idle' });
    expect(await h.ok<DelegationView>('delegation:current')).toEqual({ state: 'none', route: null, relation: null, principal: null, services: null, expiresAt: null, refusal: null });
    expect(delegationEvents().at(-1)?.state).toBe('none');
    expect((await h.ok<{ identity: unknown }>('session:current')).identity).toBeNull();
    expect(await h.fails('delegation:start', { route: 'card' })).toBe('no-session');
  });
});
