import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { PlatformHttpError, PlatformProtocolError } from '../../uplink/client/platform-errors';
import { createPlatformClient } from '../../uplink/client/platform-client';
import { createReplyVerifier, createRequestSigner } from '../../uplink/client/request-signer';
import { enrolTerminal } from '../../uplink/client/enrolment';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { enrolFresh, issueCode } from './trust-fixture';

const heartbeat = (deviceId: string) => ({
  deviceId,
  version: '0.1.0',
  sentAt: new Date().toISOString(),
  queue: { pending: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 },
  devices: [],
  alerts: [],
  audit: { head: { id: 0, hash: '0'.repeat(64) }, proof: null },
});

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string | null }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlatformHttpError);
  const h = e as PlatformHttpError;
  return { status: h.status, code: h.errorCode };
}

describe.each(['default', 'sm'] as const)('signed requests against platform-sim over real HTTP (%s provider)', (name) => {
  const provider = cryptoProvider(name);
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ requireSignedRequests: true });
  });
  afterAll(() => f.dispose());

  it('enrols a fresh terminal: device id, site and a platform key of the algorithm', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    expect(t.credentials.deviceId).toMatch(/^kiosk-/);
    expect(t.siteId).toBe('site-test');
    const devices = (await f.call('GET', '/admin/devices')).body as Array<{ deviceId: string; algorithm: string; revokedAt: string | null }>;
    expect(devices.find((d) => d.deviceId === t.credentials.deviceId)).toMatchObject({ algorithm: provider.signatureAlgorithm, revokedAt: null });
  });

  it('accepts a signed heartbeat, a signed GET with a query, and verifies the signed replies', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const client = t.client();
    const hb = await client.heartbeat(heartbeat(t.credentials.deviceId));
    expect(hb.body).toBeTruthy();
    const cat = await client.catalogue(0);
    expect(cat.body).toBeTruthy();
    await client.time();
  });

  it('refuses a used or unknown enrolment code', async () => {
    const code = await issueCode(f.sim.url, 'site-a');
    await enrolTerminal({ baseUrl: f.sim.url, code, provider, publicKey: provider.generateSigningKeyPair().publicKey });
    for (const c of [code, 'NOSUCHCODE99']) {
      const e = await enrolTerminal({ baseUrl: f.sim.url, code: c, provider, publicKey: provider.generateSigningKeyPair().publicKey }).catch((err: unknown) => err);
      expect((e as PlatformHttpError).errorCode).toBe(c === code ? 'enrolment-code-used' : 'enrolment-code-unknown');
    }
  });

  it('refuses a missing signature', async () => {
    const client = createPlatformClient({ baseUrl: f.sim.url, deviceId: 'whoever' });
    expect(await refusal(client.time())).toEqual({ status: 401, code: 'signature-missing' });
  });

  it('refuses a forged signature (another key claiming the device id)', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const forger = t.client({ privateKey: provider.generateSigningKeyPair().privateKey });
    expect(await refusal(forger.heartbeat(heartbeat(t.credentials.deviceId)))).toEqual({ status: 401, code: 'signature-invalid' });
  });

  it('refuses a body altered after signing', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const sign = createRequestSigner(t.credentials);
    const signed = await sign(new Request(`${f.sim.url}/api/v1/heartbeats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(heartbeat(t.credentials.deviceId)) }));
    const altered = JSON.stringify({ ...heartbeat(t.credentials.deviceId), version: '6.6.6' });
    const r = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: altered });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: string }).error).toBe('signature-invalid');
  });

  it('refuses a replayed request (same nonce) and accepts the original once', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const signed = await createRequestSigner(t.credentials)(new Request(`${f.sim.url}/api/v1/catalogue?since=0`, { method: 'GET' }));
    const first = await fetch(signed.url, { headers: signed.headers });
    expect(first.status).toBe(200);
    const again = await fetch(signed.url, { headers: signed.headers });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toBe('signature-replayed');
  });

  it('refuses a timestamp outside the window, and accepts it once the clock offset corrects it', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const slow = () => Date.now() - 10 * 60_000;
    expect(await refusal(t.client({ now: slow }).heartbeat(heartbeat(t.credentials.deviceId)))).toEqual({ status: 401, code: 'timestamp-out-of-window' });
    await t.client({ now: slow, clockOffsetMs: () => 10 * 60_000 }).heartbeat(heartbeat(t.credentials.deviceId));
  });

  it('refuses an unknown device', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    expect(await refusal(t.client({ deviceId: 'kiosk-never-enrolled' }).time())).toEqual({ status: 401, code: 'device-unknown' });
  });

  it('refuses a body naming another device than the signer', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const other = await enrolFresh(f.sim.url, provider);
    expect(await refusal(t.client().heartbeat(heartbeat(other.credentials.deviceId)))).toEqual({ status: 401, code: 'device-mismatch' });
  });

  it('refuses a revoked device', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    await t.client().time();
    expect((await f.call('POST', `/admin/devices/${t.credentials.deviceId}/revoke`, {})).status).toBe(200);
    expect(await refusal(t.client().time())).toEqual({ status: 403, code: 'device-revoked' });
  });

  it('the kiosk refuses a reply signed by another key than the enrolled platform key', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const fooled = t.client({ platformPublicKey: provider.generateSigningKeyPair().publicKey });
    await expect(fooled.catalogue(null)).rejects.toThrow(PlatformProtocolError);
    await expect(fooled.catalogue(null)).rejects.toMatchObject({ name: 'PlatformReplyRejectedError', reason: 'reply-signature-invalid' });
  });
});

describe('the kiosk refuses an unsigned platform reply', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // A real HTTP server posing as the platform: right shape, no signature.
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ serverTime: new Date().toISOString() }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const a = server.address();
    url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('throws a protocol error, so nothing from the reply is applied', async () => {
    const provider = cryptoProvider('default');
    const device = provider.generateSigningKeyPair();
    const credentials = { deviceId: 'kiosk-x', provider, privateKey: device.privateKey, platformPublicKey: provider.generateSigningKeyPair().publicKey };
    const client = createPlatformClient({ baseUrl: url, deviceId: 'kiosk-x', signRequest: createRequestSigner(credentials), verifyReply: createReplyVerifier(credentials) });
    await expect(client.time()).rejects.toThrow(PlatformProtocolError);
    const unverified = createPlatformClient({ baseUrl: url, deviceId: 'kiosk-x' });
    expect((await unverified.time()).body.serverTime).toBeTruthy();
  });
});
