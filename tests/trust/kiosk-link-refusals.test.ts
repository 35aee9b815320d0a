import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { openKioskStore, TestKeyProvider, type KioskStore } from '../../offline-cache/index';
import {
  createDeviceSigning,
  createLinkTrust,
  createPlatformClient,
  createReplyVerifier,
  createSyncEngine,
  PlatformReplyRejectedError,
  PlatformTrustRefusedError,
  type PlatformClient,
} from '../../uplink/index';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { tempDir } from '../sync/support/temp-dir';
import { enrolFresh, type EnrolledTerminal } from './trust-fixture';

// The kiosk's side of each refusal, over real HTTP to platform-sim that requires signed
// requests: the error is typed, and what was queued stays pending (nothing lost, nothing applied).
const provider = cryptoProvider('default');
const SERVICE = 'GG00001001';
let f: SimFixture;
const cleanups: Array<() => unknown> = [];
beforeAll(async () => {
  f = await startFixture({ requireSignedRequests: true });
});
afterAll(() => f.dispose());
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function storeWithOneTransaction(deviceId: string): { store: KioskStore; id: string } {
  const t = tempDir('kiosk-trust-');
  const store = openKioskStore({ dataDir: t.dir, deviceId, keyProvider: new TestKeyProvider() });
  cleanups.push(t.cleanup, () => store.close());
  return { store, id: store.submitTransaction({ service: SERVICE, data: { note: 'x' } }).id };
}

/** One sync pass with `client`; returns the error every failed call settled with. */
async function passWith(store: KioskStore, client: (onSettled: (e: unknown) => void) => PlatformClient): Promise<unknown[]> {
  const errors: unknown[] = [];
  const engine = createSyncEngine({ store, client: client((e) => void (e && errors.push(e))) });
  await engine.syncNow();
  return errors;
}

async function platformHas(id: string): Promise<boolean> {
  const rows = (await f.call('GET', '/admin/transactions')).body as Array<{ id: string }>;
  return rows.some((r) => r.id === id);
}

function signedClient(t: EnrolledTerminal, onSettled: (e: unknown) => void, extra: { fetch?: typeof fetch; privateKey?: EnrolledTerminal['credentials']['privateKey'] } = {}): PlatformClient {
  const credentials = { ...t.credentials, ...(extra.privateKey ? { privateKey: extra.privateKey } : {}) };
  return createPlatformClient({ baseUrl: f.sim.url, deviceId: credentials.deviceId, onSettled, ...createDeviceSigning(credentials), ...(extra.fetch ? { fetch: extra.fetch } : {}) });
}

describe('the kiosk side of every refusal (platform-sim requiring signed requests, real HTTP)', () => {
  it('an unsigned terminal: 401 signature-missing as PlatformTrustRefusedError, the item stays pending, the link reads not-enrolled', async () => {
    const { store, id } = storeWithOneTransaction('kiosk-unenrolled');
    const trust = createLinkTrust({ enrolled: false });
    const errors = await passWith(store, (onSettled) =>
      createPlatformClient({ baseUrl: f.sim.url, deviceId: store.deviceId, onSettled: (e) => (trust.observe(e), onSettled(e)) }),
    );
    expect(errors[0]).toBeInstanceOf(PlatformTrustRefusedError);
    expect(errors[0]).toMatchObject({ status: 401, reason: 'signature-missing' });
    expect(trust.state).toMatchObject({ refused: 'not-enrolled', code: 'signature-missing' });
    expect(store.queueStatus()).toMatchObject({ pending: 1, inFlight: 0, accepted: 0 });
    expect(await platformHas(id)).toBe(false);
  });

  it('a signature by another key than the enrolled one: 401 signature-invalid, the item stays pending', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const { store, id } = storeWithOneTransaction(t.credentials.deviceId);
    const errors = await passWith(store, (onSettled) => signedClient(t, onSettled, { privateKey: provider.generateSigningKeyPair().privateKey }));
    expect(errors[0]).toBeInstanceOf(PlatformTrustRefusedError);
    expect(errors[0]).toMatchObject({ status: 401, reason: 'signature-invalid' });
    expect(store.queueStatus()).toMatchObject({ pending: 1, accepted: 0 });
    expect(await platformHas(id)).toBe(false);
  });

  it('a captured signed batch replayed: signature-replayed; replayed after the window: timestamp-out-of-window', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const { store, id } = storeWithOneTransaction(t.credentials.deviceId);
    const captured: Array<{ url: string; method: string; headers: Headers; body: Buffer }> = [];
    const capture: typeof fetch = async (input, init) => {
      const r = input as Request;
      captured.push({ url: r.url, method: r.method, headers: new Headers(r.headers), body: Buffer.from(await r.clone().arrayBuffer()) });
      return fetch(r, init);
    };
    expect(await passWith(store, (onSettled) => signedClient(t, onSettled, { fetch: capture }))).toEqual([]);
    expect(store.queueStatus()).toMatchObject({ pending: 0, accepted: 1 });
    const batch = captured.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/transactions/batch'))!;
    expect(batch.headers.get('x-kiosk-signature')).toMatch(/^alg=ed25519, sig=/);
    const replay = () => fetch(batch.url, { method: 'POST', headers: batch.headers, body: new Uint8Array(batch.body) });
    const again = await replay();
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toBe('signature-replayed');
    await f.call('POST', '/admin/clock', { offsetMs: 10 * 60_000 });
    try {
      const late = await replay();
      expect(late.status).toBe(401);
      expect(((await late.json()) as { error: string }).error).toBe('timestamp-out-of-window');
    } finally {
      await f.call('POST', '/admin/clock', { offsetMs: 0 });
    }
    const rows = (await f.call('GET', '/admin/transactions')).body as Array<{ id: string; receivedCount?: number }>;
    expect(rows.filter((r) => r.id === id)).toHaveLength(1);
  });

  describe('a reply altered on the way (a real HTTP proxy between kiosk and platform)', () => {
    let proxy: Server;
    let proxyUrl = '';
    let alter: (headers: Record<string, string | string[] | undefined>, body: Buffer) => Buffer = (_h, b) => b;
    beforeAll(async () => {
      const target = new URL(f.sim.url);
      proxy = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
            const parts: Buffer[] = [];
            upRes.on('data', (c: Buffer) => parts.push(c));
            upRes.on('end', () => {
              const headers = { ...upRes.headers };
              const body = alter(headers, Buffer.concat(parts));
              headers['content-length'] = String(body.length);
              res.writeHead(upRes.statusCode ?? 502, headers);
              res.end(body);
            });
          });
          up.end(Buffer.concat(chunks));
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const a = proxy.address();
      proxyUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    const viaProxy = (t: EnrolledTerminal, onSettled: (e: unknown) => void) =>
      createPlatformClient({ baseUrl: proxyUrl, deviceId: t.credentials.deviceId, onSettled, ...createDeviceSigning(t.credentials) });

    it('a batch answer with its body changed: reply-signature-invalid, the item stays pending, then is delivered exactly once', async () => {
      const t = await enrolFresh(f.sim.url, provider);
      const { store, id } = storeWithOneTransaction(t.credentials.deviceId);
      alter = (_h, body) => Buffer.from(body.toString('utf8').replace('"accepted"', '"rejected"'), 'utf8');
      const errors = await passWith(store, (onSettled) => viaProxy(t, onSettled));
      const refused = errors.find((e) => e instanceof PlatformReplyRejectedError) as PlatformReplyRejectedError;
      expect(refused.reason).toBe('reply-signature-invalid');
      expect(store.queueStatus()).toMatchObject({ pending: 1, accepted: 0, rejected: 0, needsAttention: 0 });
      // The platform did receive it; the honest link's next pass is answered `duplicate`, and the effect stays once.
      alter = (_h, b) => b;
      expect(await passWith(store, (onSettled) => viaProxy(t, onSettled))).toEqual([]);
      expect(store.queueStatus()).toMatchObject({ pending: 0, accepted: 1 });
      const rows = (await f.call('GET', '/admin/transactions')).body as Array<{ id: string }>;
      expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    });

    it('a reply with its signature stripped: reply-unsigned, nothing applied', async () => {
      const t = await enrolFresh(f.sim.url, provider);
      const { store } = storeWithOneTransaction(t.credentials.deviceId);
      alter = (headers, body) => {
        delete headers['x-platform-signature'];
        return body;
      };
      try {
        const errors = await passWith(store, (onSettled) => viaProxy(t, onSettled));
        expect(errors[0]).toBeInstanceOf(PlatformReplyRejectedError);
        expect(errors[0]).toMatchObject({ reason: 'reply-unsigned' });
        expect(store.queueStatus()).toMatchObject({ pending: 1, accepted: 0 });
      } finally {
        alter = (_h, b) => b;
      }
    });
  });

  it('a genuine signed reply read by a kiosk whose corrected clock is 10 minutes away: reply-stale', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    let seen: { request: Request; status: number; headers: Headers; bytes: Buffer } | null = null;
    const { signRequest, verifyReply } = createDeviceSigning(t.credentials);
    const client = createPlatformClient({
      baseUrl: f.sim.url,
      deviceId: t.credentials.deviceId,
      signRequest,
      verifyReply: (reply) => {
        verifyReply(reply);
        seen = reply;
      },
    });
    await client.catalogue(0);
    expect(seen).not.toBeNull();
    const ahead = createReplyVerifier(t.credentials, { now: () => Date.now() + 10 * 60_000 });
    const e = (() => {
      try {
        ahead(seen!);
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(PlatformReplyRejectedError);
    expect(e).toMatchObject({ reason: 'reply-stale' });
    // The same clock corrected by the offset it learnt accepts it.
    createReplyVerifier(t.credentials, { now: () => Date.now() + 10 * 60_000, clockOffsetMs: () => -10 * 60_000 })(seen!);
  });

  it('a revoked terminal: 403 device-revoked as PlatformTrustRefusedError, the item stays pending, the link reads revoked', async () => {
    const t = await enrolFresh(f.sim.url, provider);
    const { store, id } = storeWithOneTransaction(t.credentials.deviceId);
    expect((await f.call('POST', `/admin/devices/${t.credentials.deviceId}/revoke`, {})).status).toBe(200);
    const trust = createLinkTrust({ enrolled: true });
    const errors = await passWith(store, (onSettled) => signedClient(t, (e) => (trust.observe(e), onSettled(e))));
    expect(errors[0]).toBeInstanceOf(PlatformTrustRefusedError);
    expect(errors[0]).toMatchObject({ status: 403, reason: 'device-revoked' });
    expect(trust.state).toMatchObject({ refused: 'revoked', code: 'device-revoked' });
    expect(store.queueStatus()).toMatchObject({ pending: 1, accepted: 0 });
    expect(await platformHas(id)).toBe(false);
  });
});
