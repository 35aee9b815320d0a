import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient, MAX_CERTIFICATE_BYTES } from './platform-client';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './platform-errors';
import { createPlatformTransport } from './platform-transport';
import type { PlatformExchange } from './traffic';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A platform stand-in on loopback (port 0) answering with `handler`. */
async function platform(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => handler(req, body, res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json', 'x-platform-time': '2026-01-02T03:04:05.000Z' }).end(JSON.stringify(body));
const PDF = Buffer.from('%PDF-1.7\n% test certificate\n%%EOF\n');

describe('the one platform client: traffic hook', () => {
  it('records method, path, query, request headers and body, status, response headers and JSON body', async () => {
    const url = await platform((req, body, res) => {
      if (req.url?.startsWith('/api/v1/catalogue')) return sendJson(res, 200, { serverTime: new Date().toISOString(), version: 3, full: false, items: [], removed: [], lifeEvents: [] });
      return sendJson(res, 200, { paymentId: 'p-1', qrPayload: `pay:${JSON.parse(body).transactionId}`, expiresAt: new Date().toISOString() });
    });
    const seen: PlatformExchange[] = [];
    const client = createPlatformClient({ baseUrl: url, deviceId: 'kiosk-traffic', traffic: (e) => seen.push(e) });
    await client.catalogue(2);
    await client.createPayment({ transactionId: 't-1', amountFen: 500 });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/catalogue', query: { since: '2' }, error: null });
    expect(seen[0]!.request.headers).toMatchObject({ 'x-kiosk-device': 'kiosk-traffic', accept: 'application/json' });
    expect(seen[0]!.request).not.toHaveProperty('body');
    expect(seen[0]!.response).toMatchObject({ status: 200, headers: { 'content-type': 'application/json', 'x-platform-time': '2026-01-02T03:04:05.000Z' }, body: { version: 3, full: false } });
    expect(seen[1]).toMatchObject({ method: 'POST', path: '/api/v1/payments', query: {}, request: { body: { transactionId: 't-1', amountFen: 500 } } });
    expect(seen[1]!.request.headers['content-type']).toBe('application/json');
    expect(seen[1]!.response?.body).toMatchObject({ paymentId: 'p-1', qrPayload: 'pay:t-1' });
    expect(seen[1]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('summarises a certificate PDF by content-type and size instead of recording its bytes', async () => {
    const url = await platform((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF));
    const seen: PlatformExchange[] = [];
    const reply = await createPlatformClient({ baseUrl: url, deviceId: 'k', traffic: (e) => seen.push(e) }).certificate('t/1');
    expect(Buffer.from(reply.body.bytes).equals(PDF)).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/certificates/t%2F1', request: { headers: { accept: 'application/pdf' } } });
    expect(seen[0]!.response).toMatchObject({ status: 200, size: PDF.length, headers: { 'content-type': 'application/pdf' } });
    expect(seen[0]!.response).not.toHaveProperty('body');
  });

  it('records failures too: an error answer with its body, and no answer at all', async () => {
    const url = await platform((_req, _body, res) => sendJson(res, 404, { error: 'not-found', message: 'no such payment' }));
    const seen: PlatformExchange[] = [];
    const client = createPlatformClient({ baseUrl: url, deviceId: 'k', traffic: (e) => seen.push(e) });
    await expect(client.paymentStatus('p-9')).rejects.toMatchObject({ name: 'PlatformHttpError', status: 404, errorCode: 'not-found' });
    expect(seen[0]).toMatchObject({ path: '/api/v1/payments/p-9', response: { status: 404, body: { error: 'not-found' } }, error: { name: 'PlatformHttpError' } });
    const dead = createPlatformClient({ baseUrl: 'http://127.0.0.1:1', deviceId: 'k', traffic: (e) => seen.push(e) });
    await expect(dead.time()).rejects.toBeInstanceOf(PlatformUnreachableError);
    expect(seen[1]).toMatchObject({ path: '/api/v1/time', response: null, error: { name: 'PlatformUnreachableError' } });
  });

  it('a recorder that throws changes nothing for the caller', async () => {
    const url = await platform((_req, _body, res) => sendJson(res, 200, { serverTime: new Date().toISOString() }));
    const client = createPlatformClient({
      baseUrl: url,
      deviceId: 'k',
      traffic: () => {
        throw new Error('disk full');
      },
    });
    await expect(client.time()).resolves.toMatchObject({ body: { serverTime: expect.any(String) } });
  });
});

describe('the one platform client: citizen-facing calls', () => {
  it('every call, payments included, goes through signRequest', async () => {
    const signatures: Array<string | undefined> = [];
    const url = await platform((req, _body, res) => {
      signatures.push(req.headers['x-kiosk-signature'] as string | undefined);
      sendJson(res, 200, { status: 'pending' });
    });
    const client = createPlatformClient({
      baseUrl: url,
      deviceId: 'k',
      signRequest: (r) => {
        const h = new Headers(r.headers);
        h.set('X-Kiosk-Signature', 'sig');
        return new Request(r, { headers: h });
      },
    });
    await client.paymentStatus('p-1');
    await client.cancelPayment('p-1');
    expect(signatures).toEqual(['sig', 'sig']);
  });

  it('uses the shorter citizen timeout for calls a person waits on, the normal one for the rest', async () => {
    const url = await platform((req, _body, res) => {
      setTimeout(() => (req.url === '/api/v1/time' ? sendJson(res, 200, { serverTime: new Date().toISOString() }) : sendJson(res, 200, { name: '王芳', idNumber: null })), 300);
    });
    const client = createPlatformClient({ baseUrl: url, deviceId: 'k', timeoutMs: 5000, citizenTimeoutMs: 100 });
    await expect(client.resolveQrIdentity('EID:x')).rejects.toMatchObject({ name: 'PlatformUnreachableError', message: expect.stringContaining('timed out after 100 ms') });
    await expect(client.time()).resolves.toMatchObject({ body: { serverTime: expect.any(String) } });
  });

  it('refuses a certificate that is not a PDF', async () => {
    const url = await platform((_req, _body, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    await expect(createPlatformClient({ baseUrl: url, deviceId: 'k' }).certificate('t-1')).rejects.toBeInstanceOf(PlatformProtocolError);
    const fake = createPlatformClient({ baseUrl: url, deviceId: 'k', fetch: (async () => new Response('%PDF-but-labelled-json', { headers: { 'content-type': 'application/json' } })) as typeof fetch });
    await expect(fake.certificate('t-1')).rejects.toThrow(/did not send a PDF/);
  });

  it('caps a binary body of its own: declared or counted past the cap is a protocol error', async () => {
    const url = await platform((_req, _body, res) => res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '64' }).end(Buffer.alloc(64, 0x25)));
    const http = createPlatformTransport({ baseUrl: url, deviceId: 'k' });
    await expect(http.binary({ method: 'GET', path: '/x', accept: 'application/pdf', maxBytes: 32 })).rejects.toMatchObject({ name: 'PlatformProtocolError', message: expect.stringContaining('too large (64 bytes)') });
    const chunked = createPlatformTransport({
      baseUrl: url,
      deviceId: 'k',
      fetch: (async () => new Response(new Blob([Buffer.alloc(40), Buffer.alloc(40)]).stream(), { headers: { 'content-type': 'application/pdf' } })) as typeof fetch,
    });
    await expect(chunked.binary({ method: 'GET', path: '/x', accept: 'application/pdf', maxBytes: 64 })).rejects.toThrow(/larger than 64 bytes/);
    expect(MAX_CERTIFICATE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('a refusal carries the platform\'s status and error code', async () => {
    const url = await platform((_req, _body, res) => sendJson(res, 422, { error: 'qr-rejected', message: 'unknown code' }));
    const error = await createPlatformClient({ baseUrl: url, deviceId: 'k' })
      .resolveQrIdentity('EID:bad')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformHttpError);
    expect(error).toMatchObject({ status: 422, errorCode: 'qr-rejected', transient: false });
  });

  it('an error without a body names the status once ("HTTP 404", never "HTTP 404 HTTP 404")', async () => {
    const url = await platform((_req, _body, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here'));
    const error = (await createPlatformClient({ baseUrl: url, deviceId: 'k' })
      .paymentStatus('p-1')
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(PlatformHttpError);
    expect(error.message.match(/HTTP 404/g)).toHaveLength(1);
    expect(error.message).toMatch(/: HTTP 404$/);
  });

  it('an error with a body says the status, then the platform\'s message', async () => {
    const url = await platform((_req, _body, res) => sendJson(res, 404, { error: 'not-found', message: 'no such payment' }));
    const error = (await createPlatformClient({ baseUrl: url, deviceId: 'k' })
      .paymentStatus('p-1')
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/: HTTP 404 no such payment$/);
  });
});

