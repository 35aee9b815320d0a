import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { KioskError } from '../../common/contract/errors';
import { kioskContract, type KioskContract, type KioskImplementation } from '../../common/contract/kiosk-contract';
import { startWebHost, type HarnessWebHost } from '../../main/web/web-host';
import * as hostProtocol from '../../main/web/protocol';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';
import * as clientProtocol from '../../renderer/src/transport/protocol';
import { createWebSocketTransport, type ConnectionState } from '../../renderer/src/transport/websocket-transport';
import type { WebSocketConstructor } from '../../renderer/src/transport/websocket-like';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function wsWithOrigin(origin: string): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as WebSocketConstructor;
}

async function hostWith(impl: KioskImplementation): Promise<HarnessWebHost> {
  const host = await startWebHost({ dispatcher: new ContractDispatcher(kioskContract, impl), events: new EventHub<KioskContract>(), staticDir: null, harness: true });
  cleanups.push(() => host.close());
  return host;
}

function transportFor(host: HarnessWebHost, extra: { queueTimeoutMs?: number; onStateChange?: (s: ConnectionState) => void } = {}) {
  const t = createWebSocketTransport({ url: `${host.origin.replace('http', 'ws')}/kiosk-api`, token: host.token, WebSocketImpl: wsWithOrigin(host.origin), reconnectInitialMs: 20, reconnectMaxMs: 50, ...extra });
  cleanups.push(() => t.close());
  return t;
}

describe('createWebSocketTransport', () => {
  it('agrees with the host on path and subprotocol names', () => {
    expect(clientProtocol).toEqual(hostProtocol);
  });

  it('queues calls made while connecting and sends them on open', async () => {
    const host = await hostWith(new TestKioskImplementation());
    const t = transportFor(host);
    const results = await Promise.all([t.call('system:info', {}), t.call('connectivity:status', {})]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });

  it('rejects an in-flight call with internal/disconnected when the connection drops, then reconnects', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'kiosk.v1' });
    cleanups.push(() => new Promise((r) => server.close(r)));
    await new Promise((r) => server.once('listening', r));
    let connections = 0;
    server.on('connection', (socket) => {
      connections += 1;
      const n = connections;
      socket.on('message', (data) => {
        const { id } = JSON.parse(String(data)) as { id: number };
        if (n === 1) socket.terminate();
        else socket.send(JSON.stringify({ type: 'result', id, ok: true, value: `connection ${n}` }));
      });
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const states: ConnectionState[] = [];
    const t = createWebSocketTransport({ url: `${origin.replace('http', 'ws')}/kiosk-api`, token: 't', WebSocketImpl: wsWithOrigin(origin), reconnectInitialMs: 20, onStateChange: (s) => states.push(s) });
    cleanups.push(() => t.close());
    const error = await t.call('system:info', {}).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'internal', detail: { reason: 'disconnected' } });
    expect(await t.call('system:info', {})).toEqual({ ok: true, value: 'connection 2' });
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
  });

  it('rejects a call with timeout when no connection comes up in time', async () => {
    const t = createWebSocketTransport({ url: 'ws://127.0.0.1:9/kiosk-api', token: 't', WebSocketImpl: wsWithOrigin('http://127.0.0.1:9'), reconnectInitialMs: 10, queueTimeoutMs: 100 });
    cleanups.push(() => t.close());
    await expect(t.call('system:info', {})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('resolves an oversized payload as invalid-payload without sending it', async () => {
    const host = await hostWith(new TestKioskImplementation());
    const t = transportFor(host);
    const r = await t.call('session:identifyByQr', { payload: 'x'.repeat(1_100_000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect((await t.call('system:info', {})).ok).toBe(true);
  });

  it('rejects pending calls with cancelled on close and refuses new ones', async () => {
    const t = createWebSocketTransport({ url: 'ws://127.0.0.1:9/kiosk-api', token: 't', WebSocketImpl: wsWithOrigin('http://127.0.0.1:9') });
    const pending = t.call('system:info', {});
    t.close();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    await expect(t.call('system:info', {})).rejects.toMatchObject({ code: 'cancelled' });
  });
});
