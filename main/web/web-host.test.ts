import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { WIRE_MAX_MESSAGE_BYTES } from '../../common/contract/wire';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';
import { startWebHost, type HarnessWebHost } from './web-host';

let dir: string;
let host: HarnessWebHost;
const events = new EventHub<KioskContract>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-host-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'web-host-secret.txt'), 'secret');
  host = await startWebHost({
    dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()),
    events,
    staticDir: dir,
    routes: [
      { method: 'POST', path: '/sim/echo', handler: async (body) => ({ echoed: body }) },
      { method: 'GET', path: '/sim/fail', handler: async () => { throw new Error('sim exploded'); } },
    ],
    harness: true,
  });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(opts: { origin?: string; protocols?: string[] } = {}): WebSocket {
  const url = host.url.replace('http', 'ws') + 'kiosk-api';
  return new WebSocket(url, opts.protocols ?? ['kiosk.v1', `kiosk-token.${host.token}`], { origin: opts.origin ?? host.origin });
}

function refusal(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => reject(new Error('upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)));
}

describe('startWebHost: pages', () => {
  it('binds loopback with a 43-character base64url harness token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.origin).toBe(host.url.slice(0, -1));
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves index.html as it is on disk (no credential in it, no cookie) with a CSP allowing only self and the ws endpoint', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe('<!doctype html><html><head><title>t</title></head><body></body></html>');
    expect(res.headers['set-cookie']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${host.origin.replace('http', 'ws')}`);
    // The only relaxation: WebAssembly compilation for the face engine ('wasm-unsafe-eval', script-src only); no unsafe-inline or unsafe-eval anywhere.
    expect(csp.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'")).not.toContain('unsafe');
  });

  it('sends nosniff, no-referrer, no-store and same-origin CORP, and no COOP (it cost each cold start a process swap)', async () => {
    for (const path of ['/', '/assets/app.js']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    }
  });

  it('serves assets with their content type and falls back to index.html for app routes', async () => {
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const spa = await get('/service/XK001?x=1');
    expect(spa.status).toBe(200);
    expect(spa.body).toContain('<title>t</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('refuses directory traversal, raw or encoded', async () => {
    for (const path of ['/../web-host-secret.txt', '/%2e%2e/web-host-secret.txt', '/assets/%2e%2e%2f%2e%2e%2fweb-host-secret.txt', '/..%5cweb-host-secret.txt', '/%00']) {
      const res = await get(path);
      expect(res.body, path).not.toBe('secret');
      expect([403, 404], path).toContain(res.status);
    }
    expect((await get('/%2e%2e/web-host-secret.txt')).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'evil.example:80' })).status).toBe(421);
  });
});

describe('startWebHost: routes', () => {
  const post = (path: string, body: string, token?: string) =>
    fetch(host.origin + path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Kiosk-Token': token } : {}) } });

  it('requires the harness token in X-Kiosk-Token (no cookie here)', async () => {
    expect((await post('/sim/echo', '{"a":1}')).status).toBe(401);
    expect((await post('/sim/echo', '{"a":1}', 'x'.repeat(43))).status).toBe(401);
  });

  it('passes the JSON body to the handler and returns its value', async () => {
    const res = await post('/sim/echo', '{"a":1}', host.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ echoed: { a: 1 } });
  });

  it('answers 400 for a non-JSON body and 500 when the handler throws', async () => {
    expect((await post('/sim/echo', '{nope', host.token)).status).toBe(400);
    const res = await fetch(host.origin + '/sim/fail', { headers: { 'X-Kiosk-Token': host.token } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'sim exploded' });
  });
});

describe('startWebHost: WebSocket security', () => {
  it('refuses a wrong Origin', async () => {
    expect(await refusal(connect({ origin: 'http://evil.example' }))).toBe(403);
    expect(await refusal(connect({ origin: 'http://localhost:1' }))).toBe(403);
  });

  it('refuses a wrong or missing harness token (no cookie here)', async () => {
    expect(await refusal(connect({ protocols: ['kiosk.v1', `kiosk-token.${'A'.repeat(43)}`] }))).toBe(403);
    expect(await refusal(connect({ protocols: ['kiosk.v1'] }))).toBe(403);
    expect(await refusal(connect({ protocols: [`kiosk-token.${host.token}`] }))).toBe(403);
  });

  it('accepts the right harness token and Origin and selects kiosk.v1 without echoing the token', async () => {
    const ws = connect();
    await opened(ws);
    expect(ws.protocol).toBe('kiosk.v1');
    ws.close();
  });
});

describe('startWebHost: malformed messages', () => {
  it('answers a call-shaped message with a bad shape with invalid-payload', async () => {
    const ws = connect();
    await opened(ws);
    ws.send(JSON.stringify({ type: 'call', id: 7, channel: 42 }));
    const msg = await nextMessage(ws);
    expect(msg).toMatchObject({ type: 'result', id: 7, ok: false, error: { code: 'invalid-payload' } });
    ws.close();
  });

  it('closes with 1007 on non-JSON, 1003 on binary, 1009 when too big, and keeps serving others', async () => {
    const a = connect();
    await opened(a);
    const aClosed = closeCode(a);
    a.send('not json');
    expect(await aClosed).toBe(1007);

    const b = connect();
    await opened(b);
    const bClosed = closeCode(b);
    b.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await bClosed).toBe(1003);

    const c = connect();
    await opened(c);
    const cClosed = closeCode(c);
    c.send(JSON.stringify({ type: 'call', id: 1, channel: 'system:info', payload: { pad: 'x'.repeat(WIRE_MAX_MESSAGE_BYTES) } }));
    expect(await cClosed).toBe(1009);

    const d = connect();
    await opened(d);
    d.send(JSON.stringify({ type: 'call', id: 2, channel: 'system:info', payload: {} }));
    expect(await nextMessage(d)).toMatchObject({ id: 2, ok: true });
    d.close();
  });
});

describe('startWebHost: events', () => {
  it('pushes valid events and drops invalid ones', async () => {
    const ws = connect();
    await opened(ws);
    const received: unknown[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data))));
    events.emit('connectivity', 'onChanged', { state: 'offline', pending: -1, lastContactAt: null });
    events.emit('connectivity', 'onChanged', { state: 'offline', pending: 3, lastContactAt: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([{ type: 'event', channel: 'connectivity:onChanged', payload: { state: 'offline', pending: 3, lastContactAt: null } }]);
    ws.close();
  });
});
