import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDetail, ServiceSummary, SessionView } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { EventLog } from './support/event-log';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

/** What the hostile platform answers to `POST /api/v1/queries`, per test. */
let hostileAnswer = '';

/**
 * A real platform-sim behind a loopback proxy that passes every call through
 * but answers queries itself with {@link hostileAnswer}: the rest of the
 * kiosk (catalogue, sync) works, and only the query answer is hostile.
 */
async function hostileProxy(target: URL): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/v1/queries') {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(hostileAnswer));
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

describe('a hostile platform answer to a query is refused, never shown', () => {
  const kioskDir = tempDir('kiosk-core-');
  const platformDir = tempDir('kiosk-platform-');
  let sim: PlatformSim;
  let proxy: Server;
  let core: KioskCore;
  let log: EventLog;
  let code = '';

  beforeAll(async () => {
    sim = await startPlatformSim({ dataDir: platformDir.dir, quiet: true });
    proxy = await hostileProxy(new URL(sim.url));
    const address = proxy.address();
    const platformUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    core = await createKioskCore(loadConfig({ dataDir: kioskDir.dir, platformUrl }, {}), { syncPollIntervalMs: 200, probeIntervalMs: 100 });
    log = new EventLog(core.events);
    core.simulators.insertCard('resident');
    await waitUntil(() => log.of<SessionView>('session:onChanged').some((v) => v.stage === 'identified' || v.leftCard === 'at-start'), 'card seen');
    if (!log.of<SessionView>('session:onChanged').some((v) => v.stage === 'identified')) await core.dispatcher.handle('session:begin', {});
    await waitUntil(() => log.of<SessionView>('session:onChanged').some((v) => v.stage === 'identified'), 'identified');
    const found = await core.dispatcher.handle('catalogue:search', { query: '社保查询', limit: 20 });
    if (!found.ok) throw new Error('catalogue:search failed');
    code = (found.value as { items: ServiceSummary[] }).items.find((i) => i.name === '社保查询')!.code;
    const item = await core.dispatcher.handle('catalogue:get', { code });
    expect(item.ok && (item.value as ServiceDetail).kind).toBe('query');
  });
  afterAll(async () => {
    log?.close();
    await core?.close();
    await new Promise((r) => proxy?.close(r));
    await sim?.close();
    kioskDir.cleanup();
    platformDir.cleanup();
  });

  it.each([
    ['markup instead of JSON', '<html><script>alert(1)</script></html>'],
    ['a row of unknown kind', JSON.stringify({ serverTime: new Date().toISOString(), service: 'X', title: 't', sections: [{ heading: 'h', rows: [{ label: 'a', value: 'b', kind: 'script' }] }], note: '' })],
    ['an answer for another item', JSON.stringify({ serverTime: new Date().toISOString(), service: 'XK99999001', title: 't', sections: [{ heading: 'h', rows: [{ label: 'a', value: 'b', kind: 'text' }] }], note: '' })],
  ])('%s: queries:run fails with internal (invalid-response), the renderer gets no answer', async (_what, body) => {
    hostileAnswer = body;
    const r = await core.dispatcher.handle('queries:run', { serviceCode: code, form: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('internal');
    expect(r.error.message).toMatch(/breaks the protocol and was refused/);
    expect(r.error.detail).toEqual({ reason: 'invalid-response' });
  });
});
