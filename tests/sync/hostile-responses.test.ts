import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { createPlatformClient, createSyncEngine, PlatformHttpError, PlatformProtocolError } from '../../uplink/index';
import { tempDir } from './support/temp-dir';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function store(): KioskStore {
  const t = tempDir();
  const s = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-hostile' });
  cleanups.push(t.cleanup, () => s.close());
  return s;
}

/** A fetch that answers every request with `respond(body of request)`. */
function fakeFetch(respond: (sent: { items?: Array<{ id: string }> }) => Response): typeof fetch {
  return (async (input: Request | string | URL) => {
    const req = input as Request;
    const text = req.method === 'POST' ? await req.text() : '';
    return respond(text ? (JSON.parse(text) as { items?: Array<{ id: string }> }) : {});
  }) as typeof fetch;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Platform-Time': new Date().toISOString(), ...headers } });
const now = () => new Date().toISOString();

const hostile: Array<[string, (sent: { items?: Array<{ id: string }> }) => Response]> = [
  ['not JSON', () => json(200, '<html>proxy login</html>')],
  ['results missing', () => json(200, { serverTime: now() })],
  ['too few results', (s) => json(200, { serverTime: now(), results: (s.items ?? []).slice(1).map((i) => ({ id: i.id, status: 'accepted' })) })],
  ['results for other ids', (s) => json(200, { serverTime: now(), results: (s.items ?? []).map(() => ({ id: 'someone-else', status: 'accepted' })) })],
  ['unknown status', (s) => json(200, { serverTime: now(), results: (s.items ?? []).map((i) => ({ id: i.id, status: 'maybe' })) })],
  ['reversed order', (s) => json(200, { serverTime: now(), results: [...(s.items ?? [])].reverse().map((i) => ({ id: i.id, status: 'accepted' })) })],
  ['prototype pollution', () => json(200, '{"__proto__":{"polluted":true},"serverTime":"x","results":[]}')],
  ['absurd serverTime', (s) => json(200, { serverTime: 'yesterday', results: (s.items ?? []).map((i) => ({ id: i.id, status: 'accepted' })) })],
  ['huge content-length', () => new Response('{}', { status: 200, headers: { 'Content-Length': String(10 ** 9) } })],
];

describe('hostile platform responses', () => {
  for (const [name, respond] of hostile) {
    it(`rejects "${name}" with a protocol error and keeps every item queued`, async () => {
      const s = store();
      const ids = [0, 1, 2].map(() => s.submitTransaction({ service: 'XK00001001', data: {} }).id);
      const client = createPlatformClient({ baseUrl: 'http://platform.invalid', deviceId: s.deviceId, fetch: fakeFetch(respond) });
      await expect(client.sendBatch('transaction', ids.map((id) => ({ id })))).rejects.toBeInstanceOf(PlatformProtocolError);
      const engine = createSyncEngine({ store: s, client });
      const r = await engine.syncNow();
      expect(r).toMatchObject({ drained: false, sent: 0 });
      expect(engine.connectivity.state).toBe('degraded');
      expect(s.queueStatus()).toMatchObject({ pending: 3, inFlight: 0, accepted: 0 });
      expect(s.alerts().map((a) => a.code)).toContain('sync-invalid-response');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('treats 503 as transient and a 400 envelope as needing attention, never dropping items', async () => {
    const s = store();
    s.submitTransaction({ service: 'XK00001001', data: {} });
    const c503 = createPlatformClient({ baseUrl: 'http://p.invalid', deviceId: s.deviceId, fetch: fakeFetch(() => json(503, { error: 'unavailable', message: 'busy' })) });
    await expect(c503.time()).rejects.toSatisfy((e: unknown) => e instanceof PlatformHttpError && e.transient);
    expect((await createSyncEngine({ store: s, client: c503 }).syncNow()).reachable).toBe(true);
    const c400 = createPlatformClient({ baseUrl: 'http://p.invalid', deviceId: s.deviceId, fetch: fakeFetch(() => json(400, { error: 'invalid-envelope', message: 'bad' })) });
    await createSyncEngine({ store: s, client: c400 }).syncNow();
    expect(s.alerts().map((a) => a.code)).toContain('sync-envelope-rejected');
    expect(s.queueStatus().pending).toBe(1);
  });

  it('gives up on a response that never ends after the timeout', async () => {
    const s = store();
    s.submitTransaction({ service: 'XK00001001', data: {} });
    const never = (async (_input: Request | string | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const client = createPlatformClient({ baseUrl: 'http://p.invalid', deviceId: s.deviceId, fetch: never, timeoutMs: 200 });
    const t0 = Date.now();
    const r = await createSyncEngine({ store: s, client }).syncNow();
    expect(r.reachable).toBe(false);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(s.queueStatus().pending).toBe(1);
  });

  it('stop() aborts a hanging request at once and leaves its items pending', async () => {
    const s = store();
    s.submitTransaction({ service: 'XK00001001', data: {} });
    s.config.set('sync.clock', { platformTime: now(), kioskTime: now(), offsetMs: 0 });
    let started = false;
    const never = (async (_input: Request | string | URL, init?: RequestInit) => {
      started = true;
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof fetch;
    const engine = createSyncEngine({ store: s, client: createPlatformClient({ baseUrl: 'http://p.invalid', deviceId: s.deviceId, fetch: never, timeoutMs: 60_000 }) });
    engine.start();
    while (!started) await new Promise((r) => setTimeout(r, 5));
    const t0 = Date.now();
    await engine.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(s.queueStatus()).toMatchObject({ pending: 1, inFlight: 0 });
  });

  it('passes every request through signRequest', async () => {
    const s = store();
    const seen: string[] = [];
    const client = createPlatformClient({
      baseUrl: 'http://p.invalid',
      deviceId: s.deviceId,
      signRequest: (r) => {
        const h = new Headers(r.headers);
        h.set('X-Kiosk-Signature', 'sig');
        return new Request(r, { headers: h });
      },
      fetch: (async (input: Request) => {
        seen.push(`${input.headers.get('x-kiosk-signature')} ${input.headers.get('x-kiosk-device')}`);
        return json(200, { serverTime: now() });
      }) as typeof fetch,
    });
    await client.time();
    expect(seen).toEqual(['sig kiosk-hostile']);
  });
});
