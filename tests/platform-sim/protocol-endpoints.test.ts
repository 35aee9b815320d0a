import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceDetailSchema } from '../../common/contract/schemas';
import { startFixture, txItem, type SimFixture } from './sim-fixture';

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture({ paymentTtlMs: 400 });
});
afterAll(async () => {
  await f.dispose();
});

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('platform-sim protocol v1', () => {
  it('stamps X-Platform-Time on every response and mirrors it as serverTime', async () => {
    const r = await f.call('GET', '/api/v1/time');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-platform-time')).toMatch(ISO_MS);
    expect(r.body).toEqual({ serverTime: r.headers.get('x-platform-time') });
    for (const path of ['/admin/faults', '/nothing/here', '/api/v1/payments/unknown']) {
      const other = await f.call('GET', path);
      expect(other.headers.get('x-platform-time'), path).toMatch(ISO_MS);
    }
  });

  it('serves the full catalogue with life events, then deltas after a bump', async () => {
    const full = await f.call('GET', '/api/v1/catalogue');
    expect(full.status).toBe(200);
    expect(full.body.full).toBe(true);
    expect(full.body.removed).toEqual([]);
    expect(full.body.serverTime).toBe(full.headers.get('x-platform-time'));
    expect(full.body.items.length).toBeGreaterThanOrEqual(3000);
    expect(ServiceDetailSchema.safeParse(full.body.items[0]).success).toBe(true);
    expect(full.body.lifeEvents.map((e: { id: string }) => e.id)).toContain('newborn');
    const v1 = full.body.version as number;

    const bump = await f.call('POST', '/admin/catalogue/bump', { changes: 2 });
    expect(bump.body).toMatchObject({ version: v1 + 1 });
    expect(bump.body.changed).toHaveLength(2);
    const delta = await f.call('GET', `/api/v1/catalogue?since=${v1}`);
    expect(delta.body.full).toBe(false);
    expect(delta.body.version).toBe(v1 + 1);
    expect(delta.body.removed).toEqual(bump.body.removed);
    expect(delta.body.items.map((i: { code: string }) => i.code).sort()).toEqual([...bump.body.changed, ...bump.body.added].sort());

    const none = await f.call('GET', `/api/v1/catalogue?since=${v1 + 1}`);
    expect(none.body).toMatchObject({ full: false, items: [], removed: [] });
    for (const since of ['abc', '999999', '-1', '']) {
      const r = await f.call('GET', `/api/v1/catalogue?since=${since}`);
      expect(r.status).toBe(200);
      expect(r.body.full, since).toBe(true);
    }
  });

  it('answers a transaction batch per item, in order, and dedupes by id', async () => {
    const a = txItem('tx-accept-1');
    const body = {
      deviceId: 'k-1',
      items: [a, a, txItem('tx-unknown', { service: 'XX99999999' }), txItem('tx-bad', { seq: -1 }), 'junk'],
    };
    const r = await f.call('POST', '/api/v1/transactions/batch', body);
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([
      { id: 'tx-accept-1', status: 'accepted' },
      { id: 'tx-accept-1', status: 'duplicate' },
      { id: 'tx-unknown', status: 'rejected', reason: 'unknown-service' },
      { id: 'tx-bad', status: 'rejected', reason: 'invalid-item' },
      { id: null, status: 'rejected', reason: 'invalid-item' },
    ]);
    const again = await f.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-1', items: [a] });
    expect(again.body.results).toEqual([{ id: 'tx-accept-1', status: 'duplicate' }]);
    const admin = await f.call('GET', '/admin/transactions');
    const row = admin.body.find((t: { id: string }) => t.id === 'tx-accept-1');
    expect(Object.keys(row).sort()).toEqual(['acceptedAt', 'deviceId', 'id', 'receivedCount', 'seq', 'service']);
    expect(row).toMatchObject({ deviceId: 'k-1', seq: a.seq, service: 'GG00001001', receivedCount: 3 });
    expect(admin.body.some((t: { id: string }) => t.id === 'tx-unknown')).toBe(false);
  });

  it('requires a reason for the two lowest rating levels', async () => {
    const base = { seq: 1, transactionId: null, service: 'GG00001001', createdAt: new Date().toISOString() };
    const r = await f.call('POST', '/api/v1/ratings/batch', {
      deviceId: 'k-1',
      items: [
        { ...base, id: 'r1', level: 'very-satisfied', reason: null },
        { ...base, id: 'r2', level: 'dissatisfied', reason: '  ' },
        { ...base, id: 'r3', level: 'very-dissatisfied', reason: '排队太久' },
        { ...base, id: 'r4', level: 'great', reason: null },
      ],
    });
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['accepted', 'rejected', 'accepted', 'rejected']);
    expect(r.body.results[1].reason).toBe('reason-required');
    const admin = await f.call('GET', '/admin/ratings');
    expect(admin.body.map((x: { id: string }) => x.id)).toEqual(['r1', 'r3']);
    expect(admin.body[1]).toMatchObject({ level: 'very-dissatisfied', reason: '排队太久', receivedCount: 1 });
  });

  it('accepts telemetry and heartbeats and returns the pinned version', async () => {
    const t = await f.call('POST', '/api/v1/telemetry/batch', {
      deviceId: 'k-1',
      items: [{ id: 'e1', seq: 1, type: 'printer.paper-out', at: new Date().toISOString(), data: { printer: 'receipt-1' } }],
    });
    expect(t.body.results).toEqual([{ id: 'e1', status: 'accepted' }]);
    expect((await f.call('GET', '/admin/telemetry')).body[0]).toMatchObject({ id: 'e1', type: 'printer.paper-out', receivedCount: 1 });

    const hb = {
      deviceId: 'k-1',
      version: '1.2.3',
      sentAt: new Date().toISOString(),
      queue: { pending: 3, needsAttention: 0, oldestPendingAgeSeconds: 42 },
      devices: [],
      alerts: [{ code: 'paper-low', message: 'receipt printer near end' }],
    };
    expect((await f.call('POST', '/api/v1/heartbeats', hb)).body.pinnedVersion).toBeNull();
    expect((await f.call('POST', '/admin/pin', { version: '1.2.0' })).status).toBe(200);
    const pinned = await f.call('POST', '/api/v1/heartbeats', hb);
    expect(pinned.body).toEqual({ serverTime: pinned.headers.get('x-platform-time'), pinnedVersion: '1.2.0', auditAck: null, configVersion: null, commands: [] });
    await f.call('POST', '/admin/pin', { version: null });
    const list = (await f.call('GET', '/admin/heartbeats')).body;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ deviceId: 'k-1', version: '1.2.3', queue: { pending: 3 } });
  });

  it('resolves a QR e-ID only when the id number passes the GB 11643 check', async () => {
    const ok = await f.call('POST', '/api/v1/identity/qr', { payload: 'EID:11010519491231002X:王小明' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '王小明', idNumber: '11010519491231002X' });
    for (const payload of ['EID:110105194912310021:王小明', 'EID:11010519491231002X:', 'hello', 'EID:123:张三']) {
      const bad = await f.call('POST', '/api/v1/identity/qr', { payload });
      expect(bad.status, payload).toBe(422);
      expect(bad.body.error).toBe('qr-rejected');
    }
    expect((await f.call('POST', '/api/v1/identity/qr', { payload: 42 })).status).toBe(400);
  });

  it('runs payments through pending, paid, cancelled and expired', async () => {
    const created = await f.call('POST', '/api/v1/payments', { transactionId: 'pay-tx-1', amountFen: 2000 });
    expect(created.status).toBe(200);
    const { paymentId, qrPayload, expiresAt } = created.body;
    expect(qrPayload).toContain(paymentId);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.parse(created.body.serverTime));
    const retry = await f.call('POST', '/api/v1/payments', { transactionId: 'pay-tx-1', amountFen: 2000 });
    expect(retry.body.paymentId).toBe(paymentId);
    expect((await f.call('GET', `/api/v1/payments/${paymentId}`)).body.status).toBe('pending');
    expect((await f.call('POST', `/admin/payments/${paymentId}/pay`)).body.status).toBe('paid');
    expect((await f.call('POST', `/api/v1/payments/${paymentId}/cancel`)).body.status).toBe('paid');

    const second = (await f.call('POST', '/api/v1/payments', { transactionId: 'pay-tx-2', amountFen: 500 })).body.paymentId;
    expect((await f.call('POST', `/api/v1/payments/${second}/cancel`)).body.status).toBe('cancelled');

    const third = (await f.call('POST', '/api/v1/payments', { transactionId: 'pay-tx-3', amountFen: 500 })).body.paymentId;
    await new Promise((r) => setTimeout(r, 450));
    expect((await f.call('GET', `/api/v1/payments/${third}`)).body.status).toBe('expired');
    expect((await f.call('GET', '/api/v1/payments/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await f.call('POST', '/api/v1/payments', { transactionId: 'x', amountFen: -5 })).status).toBe(400);
  });

  it('issues a certificate PDF for an accepted transaction, 409 before, 404 when unknown', async () => {
    await f.call('POST', '/api/v1/payments', { transactionId: 'cert-tx', amountFen: 100 });
    expect((await f.call('GET', '/api/v1/certificates/cert-tx')).status).toBe(409);
    expect((await f.call('GET', '/api/v1/certificates/never-seen')).status).toBe(404);
    const wk = (await f.call('GET', '/api/v1/catalogue')).body.items.find((i: { name: string }) => i.name === '无犯罪记录证明');
    await f.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-1', items: [txItem('cert-tx', { service: wk.code })] });
    const res = await fetch(`${f.sim.url}/api/v1/certificates/cert-tx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    let text: string | null = null;
    try {
      // NFKC: the CJK font draws 无 and the Kangxi radical ⽆ (U+2F46) with one glyph, and Skia's
      // ToUnicode map may name either; pdftotext then prints whichever it names.
      text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().normalize('NFKC');
    } catch {
      text = null;
    }
    if (text !== null) {
      expect(text).toContain('无犯罪记录证明');
      // The person's own official document: the holder in full (receipts and screens stay masked).
      expect(text).toContain('持证人：张三'.normalize('NFKC'));
      expect(text).toContain('11010519491231002X');
      expect(text).toContain('经查，记录如下'.normalize('NFKC'));
      expect(text).toContain('cert-tx');
      expect(text).toContain(`${f.sim.url}/verify/cert-tx`);
    }
    // The public verification answer stays masked.
    const verify = await f.call('GET', '/verify/cert-tx');
    expect(verify.body).toMatchObject({ valid: true, serviceName: '无犯罪记录证明', maskedName: '张*' });
    expect(JSON.stringify(verify.body)).not.toContain('张三');
  });

  it('titles a certificate by the document, not the service, and prints the record it certifies', async () => {
    const items = (await f.call('GET', '/api/v1/catalogue')).body.items as Array<{ code: string; name: string }>;
    const wk = items.find((i) => i.name === '社会保险参保缴费证明打印')!;
    await f.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-1', items: [txItem('cert-si', { service: wk.code })] });
    const pdf = Buffer.from(await (await fetch(`${f.sim.url}/api/v1/certificates/cert-si`)).arrayBuffer());
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().normalize('NFKC');
    expect(text).toContain('社会保险参保缴费证明');
    expect(text).not.toContain('证明打印');
    expect(text).toContain('持证人：张三'.normalize('NFKC'));
    expect(text).toContain('养老保险');
    expect(text).toContain('累计缴费'.normalize('NFKC'));
  });

  it('lets tests skew the platform clock', async () => {
    await f.call('POST', '/admin/clock', { offsetMs: 3_600_000 });
    const r = await f.call('GET', '/api/v1/time');
    expect(Date.parse(r.body.serverTime) - Date.now()).toBeGreaterThan(3_590_000);
    await f.call('POST', '/admin/clock', { offsetMs: 0 });
  });
});
