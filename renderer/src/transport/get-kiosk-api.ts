import { createConventionClient } from '../../../common/contract/convention-client';
import { KioskError } from '../../../common/contract/errors';
import type { KioskApi, KioskContract } from '../../../common/contract/kiosk-contract';
import { createBridgeTransport, type BridgedApi } from './bridge-transport';
import { KIOSK_API_PATH } from './protocol';
import { createConnectionStatus, setConnectionStatus } from './connection-status';
import { createWebSocketTransport } from './websocket-transport';

let cached: KioskApi | null = null;

/**
 * The KioskApi for the renderer, whichever transport carries it. In Electron
 * the preload exposed `window.kiosk` (IPC); otherwise the page was served by
 * the loopback host and the API goes over `ws(s)://<same host>/kiosk-api`,
 * authorised by the HttpOnly session cookie the browser got from its launch
 * URL (the page itself never holds a credential; without the cookie the
 * host refuses the socket and the page stays on its connection notice).
 * Memoised: every call returns the same instance. Throws {@link KioskError}
 * `internal` when neither is available (no `window.kiosk` and no page location).
 */
export function getKioskApi(): KioskApi {
  if (cached) return cached;
  const bridged = (globalThis as { kiosk?: unknown }).kiosk;
  if (bridged && typeof bridged === 'object') {
    cached = createConventionClient<KioskContract>(createBridgeTransport(bridged as BridgedApi));
    return cached;
  }
  const location = globalThis.location as Location | undefined;
  if (!location?.host) throw new KioskError('internal', 'no kiosk transport: neither window.kiosk nor a page served by the kiosk host');
  const { protocol, host } = location;
  const url = `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${KIOSK_API_PATH}`;
  const status = createConnectionStatus('connecting');
  setConnectionStatus(status);
  // Reconnect quickly (at most 1 s apart): a restarted host is back within seconds and the page must follow.
  cached = createConventionClient<KioskContract>(createWebSocketTransport({ url, reconnectMaxMs: 1000, onStateChange: (state) => status.set(state) }));
  return cached;
}
