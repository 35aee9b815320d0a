import { createServer, type Server } from 'node:http';
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from './platform-client';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A platform stand-in answering `/api/v1/time` after `delayMs`. */
async function timeServer(delayMs = 0): Promise<string> {
  const server = createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ serverTime: new Date().toISOString() })), delayMs);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('platform client: a long-lived cancel signal keeps nothing of finished calls', () => {
  it('leaves no abort listener on the caller\'s signal after successful calls', async () => {
    const client = createPlatformClient({ baseUrl: await timeServer(), deviceId: 'kiosk-test-0001' });
    const longLived = new AbortController();
    for (let i = 0; i < 5; i++) await client.time(longLived.signal);
    expect(getEventListeners(longLived.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener after a call that timed out, and reports it as unreachable', async () => {
    const client = createPlatformClient({ baseUrl: await timeServer(2000), deviceId: 'kiosk-test-0001', timeoutMs: 100 });
    const longLived = new AbortController();
    await expect(client.time(longLived.signal)).rejects.toMatchObject({ name: 'PlatformUnreachableError', message: expect.stringContaining('timed out after 100 ms') });
    expect(getEventListeners(longLived.signal, 'abort')).toHaveLength(0);
  });

  it('still aborts a call in flight when the caller\'s signal aborts', async () => {
    const client = createPlatformClient({ baseUrl: await timeServer(2000), deviceId: 'kiosk-test-0001', timeoutMs: 5000 });
    const longLived = new AbortController();
    const started = performance.now();
    const call = client.time(longLived.signal);
    setTimeout(() => longLived.abort(new Error('stopping')), 50);
    await expect(call).rejects.toMatchObject({ name: 'PlatformUnreachableError' });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(getEventListeners(longLived.signal, 'abort')).toHaveLength(0);
  });

  it('does not start a call whose signal is already aborted', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('{}');
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    const client = createPlatformClient({ baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, deviceId: 'kiosk-test-0001' });
    await expect(client.time(AbortSignal.abort(new Error('gone')))).rejects.toMatchObject({ name: 'PlatformUnreachableError' });
    expect(hits).toBe(0);
  });
});
