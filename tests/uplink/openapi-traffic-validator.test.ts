import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskStore, TestKeyProvider, type KioskStore } from '../../offline-cache/index';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { createPlatformClient, createSyncEngine, refreshCatalogue, sendHeartbeat, type PlatformExchange } from '../../uplink/index';
import { QR_PERSON } from '../core/support/fixtures';
import { checkRecordedTraffic, createOpenApiTrafficValidator, readRecordedTraffic } from '../support/openapi-traffic-validator';
import { recordUplinkTraffic } from '../support/uplink-traffic-recorder';
import { tempDir } from '../sync/support/temp-dir';

const validator = createOpenApiTrafficValidator();
const traffic: PlatformExchange[] = [];
const cleanups: Array<() => unknown> = [];
let sim: PlatformSim;
let store: KioskStore;

/** One real exchange of `method path` (path without ids), as the kiosk's client made it. */
function recorded(method: string, pathPrefix: string, status?: number): PlatformExchange {
  const e = traffic.find((x) => x.method === method && x.path.startsWith(pathPrefix) && (status === undefined || x.response?.status === status));
  if (!e) throw new Error(`no recorded ${method} ${pathPrefix}${status ? ` ${status}` : ''} among ${traffic.map((x) => `${x.method} ${x.path} ${x.response?.status}`).join(', ')}`);
  return structuredClone(e);
}

const messages = (e: PlatformExchange) => validator.check(e).map((p) => `${p.part}: ${p.message}`);

/** Real traffic: the kiosk's one client against platform-sim, every kind of call once. */
beforeAll(async () => {
  const simDir = tempDir('openapi-sim-');
  const kioskDir = tempDir('openapi-kiosk-');
  sim = await startPlatformSim({ port: 0, dataDir: simDir.dir, quiet: true });
  store = openKioskStore({ dataDir: kioskDir.dir, deviceId: 'kiosk-openapi-0001', keyProvider: new TestKeyProvider() });
  cleanups.push(simDir.cleanup, kioskDir.cleanup, () => store.close(), () => sim.close());
  const client = createPlatformClient({ baseUrl: sim.url, deviceId: store.deviceId, traffic: (e) => traffic.push(e) });
  await refreshCatalogue(store, client);
  const item = store.catalogue.all().find((i) => i.feeFen > 0)!;
  const tx = store.submitTransaction({ service: item.code, data: { name: QR_PERSON.name } });
  const certificateItem = store.catalogue.all().find((i) => i.output === 'certificate')!;
  const certified = store.submitTransaction({ service: certificateItem.code, data: { name: QR_PERSON.name } });
  store.enqueueRating({ transactionId: tx.id, service: item.code, level: 'satisfied', reason: null });
  store.enqueueTelemetry('openapi-test', { ok: true });
  await createSyncEngine({ store, client }).syncNow();
  await sendHeartbeat({ store, client, version: '0.0.0-test' });
  await client.resolveQrIdentity(`EID:${QR_PERSON.idNumber}:${QR_PERSON.name}`);
  await client.resolveQrIdentity('not an e-ID').catch(() => undefined);
  const order = await client.createPayment({ transactionId: tx.id, amountFen: item.feeFen });
  await client.paymentStatus(order.body.paymentId);
  await client.cancelPayment(order.body.paymentId);
  await client.certificate(certified.id);
  await client.certificate('no-such-transaction').catch(() => undefined);
}, 60_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('openapi traffic validator on real exchanges with platform-sim', () => {
  it('finds nothing wrong with what the kiosk sent and platform-sim answered', () => {
    expect(traffic.length).toBeGreaterThanOrEqual(12);
    expect(recorded('GET', '/api/v1/certificates/', 200).response).toMatchObject({ headers: { 'content-type': 'application/pdf' }, size: expect.any(Number) });
    expect(traffic.flatMap((e) => messages(e).map((m) => `${e.method} ${e.path}: ${m}`))).toEqual([]);
  });
});

describe('openapi traffic validator catches what disagrees with docs/openapi.yaml', () => {
  it('a response body missing a required field', () => {
    const e = recorded('GET', '/api/v1/time');
    delete (e.response!.body as Record<string, unknown>).serverTime;
    expect(messages(e)).toEqual([expect.stringMatching(/^response: status 200 body \(root\) must have required property 'serverTime'/)]);
  });

  it('a response field of the wrong type, and a batch result with an unknown status', () => {
    const heartbeat = recorded('POST', '/api/v1/heartbeats');
    (heartbeat.response!.body as Record<string, unknown>).pinnedVersion = 7;
    expect(messages(heartbeat).join('\n')).toContain('/pinnedVersion must be');
    const batch = recorded('POST', '/api/v1/transactions/batch');
    (batch.response!.body as { results: Array<{ status: string }> }).results[0]!.status = 'maybe';
    expect(messages(batch).join('\n')).toContain('/results/0/status must be equal to one of the allowed values');
  });

  it('a request body that breaks the schema', () => {
    const e = recorded('POST', '/api/v1/payments', 200);
    (e.request.body as Record<string, unknown>).amountFen = -1;
    expect(messages(e)).toEqual([expect.stringMatching(/^request: \/requestBody\/amountFen must be >= 1/)]);
  });

  it('a path the document does not know, and a test-only admin path', () => {
    const unknown = recorded('GET', '/api/v1/time');
    unknown.path = '/api/v1/clock';
    expect(messages(unknown)).toEqual(['route: no operation in the document for GET /api/v1/clock']);
    const admin = recorded('GET', '/api/v1/time');
    admin.path = '/admin/transactions';
    expect(messages(admin)).toContain('route: adminListTransactions is test-only; the kiosk must not call it');
  });

  it('an undocumented status, an undeclared content-type and a body where none is declared', () => {
    const status = recorded('GET', '/api/v1/time');
    status.response!.status = 418;
    expect(messages(status)).toEqual([expect.stringMatching(/^response: status 418 is not documented for getTime/)]);
    const pdf = recorded('GET', '/api/v1/certificates/', 404);
    pdf.response = { status: 200, headers: { 'content-type': 'text/html', 'x-platform-time': new Date().toISOString() }, size: 120 };
    expect(messages(pdf)).toEqual([expect.stringMatching(/^response: status 200: content-type text\/html is not declared \(declared: application\/pdf\)/)]);
    const time = recorded('GET', '/api/v1/time');
    time.request.body = { unexpected: true };
    time.request.headers['content-type'] = 'application/json';
    expect(messages(time)).toContain('request: sends a body (application/json) but getTime declares no requestBody');
  });

  it('a response header of the wrong format, or a required one missing', () => {
    const e = recorded('GET', '/api/v1/time');
    e.response!.headers['x-platform-time'] = 'yesterday';
    expect(messages(e).join('\n')).toContain('header x-platform-time must match format "date-time"');
    delete e.response!.headers['x-platform-time'];
    expect(messages(e)).toEqual(['response: status 200: required header X-Platform-Time is missing']);
  });
});

describe('recorded traffic files', () => {
  it('fail loudly when the directory is missing or holds no exchange', () => {
    const t = tempDir('openapi-rec-');
    cleanups.push(t.cleanup);
    expect(() => readRecordedTraffic(join(t.dir, 'missing'))).toThrow(/does not exist/);
    mkdirSync(join(t.dir, 'empty'));
    writeFileSync(join(t.dir, 'empty', 'a.jsonl'), '\n');
    expect(() => readRecordedTraffic(join(t.dir, 'empty'))).toThrow(/no exchange/);
    writeFileSync(join(t.dir, 'empty', 'b.jsonl'), '{"hello":1}\n');
    expect(() => readRecordedTraffic(join(t.dir, 'empty'))).toThrow(/b\.jsonl:1 is not a recorded exchange/);
  });

  it('the recorder writes what the reader reads, and a broken recording is reported by file and line', () => {
    const t = tempDir('openapi-rec-');
    cleanups.push(t.cleanup);
    const record = recordUplinkTraffic('unit', t.dir);
    const good = recorded('GET', '/api/v1/time');
    const bad = recorded('POST', '/api/v1/heartbeats');
    delete (bad.response!.body as Record<string, unknown>).pinnedVersion;
    record(good);
    record(bad);
    const read = readRecordedTraffic(t.dir);
    expect(read.map((r) => r.line)).toEqual([1, 2]);
    const problems = checkRecordedTraffic(validator, read);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.exchange).toMatch(/^POST \/api\/v1\/heartbeats \(unit-\d+-\d+-[0-9a-f]+\.jsonl:2\)$/);
    expect(problems[0]!.message).toContain("must have required property 'pinnedVersion'");
  });
});
