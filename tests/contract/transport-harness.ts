import WebSocket from 'ws';
import { createContractClient } from '../../common/contract/client';
import type { ContractConnection } from '../../common/contract/connections';
import { createConventionClient } from '../../common/contract/convention-client';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskApi, type KioskContract } from '../../common/contract/kiosk-contract';
import { setupIpc } from '../../main/electron/ipc';
import { startWebHost, type HarnessWebHost } from '../../main/web/web-host';
import { getKioskApi } from '../../renderer/src/transport/get-kiosk-api';
import type { WebSocketConstructor } from '../../renderer/src/transport/websocket-like';
import { createWebSocketTransport } from '../../renderer/src/transport/websocket-transport';
import { fake, resetFakeElectron } from './fake-electron';
import { TestKioskImplementation } from './test-kiosk-implementation';

/**
 * The two transports of the contract as the contract suites drive them. The
 * IPC harness needs `vi.mock('electron', …)` with the fake electron module in
 * the test file that uses it.
 */

/** One transport under test: the renderer-side API over it, the core side, and teardown. */
export interface Harness {
  api: KioskApi;
  impl: TestKioskImplementation;
  events: EventHub<KioskContract>;
  dispatcher: ContractDispatcher<KioskContract>;
  /** Every connection the host opened so far, in order (the last is the API's current one). */
  connections: ContractConnection[];
  /** The web host (WebSocket harnesses only). */
  host?: HarnessWebHost;
  close(): Promise<void>;
}

/** `ws` as a browser WebSocket constructor that sends `origin`. */
export function wsWithOrigin(origin: string): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as WebSocketConstructor;
}

/** A test implementation with its event hub and dispatcher. */
export function core() {
  const impl = new TestKioskImplementation();
  const events = new EventHub<KioskContract>();
  return { impl, events, dispatcher: new ContractDispatcher(kioskContract, impl) };
}

/** The renderer's WebSocket transport to `host`. */
export function webSocketTransportTo(host: HarnessWebHost) {
  return createWebSocketTransport({ url: `${host.origin.replace('http', 'ws')}/kiosk-api`, token: host.token, WebSocketImpl: wsWithOrigin(host.origin) });
}

/**
 * Browser mode: loopback host + the browser WebSocket transport (with `ws` as
 * WebSocket), under the renderer's zod-free convention client or the
 * validating contract client.
 */
export async function webSocketHarness(client: 'convention' | 'validating', c = core()): Promise<Harness> {
  const connections: ContractConnection[] = [];
  const host = await startWebHost({ dispatcher: c.dispatcher, events: c.events, staticDir: null, onConnection: (x) => connections.push(x), harness: true });
  const transport = webSocketTransportTo(host);
  const api = client === 'convention' ? createConventionClient<KioskContract>(transport) : createContractClient(kioskContract, transport);
  return { ...c, api, connections, host, close: async () => { transport.close(); await host.close(); } };
}

/** What the preload exposed on its first import (a module runs once per test file; the fake ipcRenderer follows `fake.rendererContents`). */
let bridged: unknown;

/** Electron mode: real ipc.ts registration + real preload bridge over a fake ipcMain/ipcRenderer pair. */
export async function ipcHarness(c = core()): Promise<Harness> {
  resetFakeElectron();
  const connections: ContractConnection[] = [];
  const dispose = setupIpc({ contents: fake.rendererContents as never, dispatcher: c.dispatcher, events: c.events, onConnection: (x) => connections.push(x) });
  await import('../../main/preload/preload');
  bridged ??= fake.mainWorld.kiosk;
  (globalThis as { kiosk?: unknown }).kiosk = bridged;
  const api = getKioskApi();
  return { ...c, api, connections, close: async () => dispose() };
}
