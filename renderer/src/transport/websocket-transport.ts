import type { ClientTransport } from '../../../common/contract/client';
import { KioskError, type Result } from '../../../common/contract/errors';
import { WIRE_MAX_MESSAGE_BYTES } from '../../../common/contract/wire-limits';
import { readWireEvent, readWireResult } from '../../../common/contract/wire-messages';
import { KIOSK_TOKEN_PROTOCOL_PREFIX, KIOSK_WS_PROTOCOL } from './protocol';
import type { WebSocketConstructor, WebSocketLike } from './websocket-like';

/** Connection state reported through {@link WebSocketTransportOptions.onStateChange}. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** Options of {@link createWebSocketTransport}. */
export interface WebSocketTransportOptions {
  /** Endpoint, e.g. `ws://127.0.0.1:41234/kiosk-api`. */
  url: string;
  /**
   * Harness token of a host started with `harness` (Node tests and tools
   * only), offered as subprotocol `kiosk-token.<token>`. The page has none:
   * the browser's session cookie authorises it. Default none.
   */
  token?: string;
  /** WebSocket constructor; default `globalThis.WebSocket` (pass `ws` in Node). */
  WebSocketImpl?: WebSocketConstructor;
  /** First reconnect delay in ms; doubles per failed attempt. Default 250. */
  reconnectInitialMs?: number;
  /** Largest reconnect delay in ms. Default 5000. */
  reconnectMaxMs?: number;
  /** How long a call may wait for a connection before it rejects with `timeout`, in ms. Default 15000. */
  queueTimeoutMs?: number;
  /** Called on every connection state change. Default none. */
  onStateChange?: (state: ConnectionState) => void;
}

/** A client transport over the loopback WebSocket. */
export type WebSocketTransport = ClientTransport & {
  /** Closes the socket for good: no reconnect; pending calls reject with `cancelled`. Idempotent. */
  close(): void;
};

interface Pending {
  text: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  resolve(result: Result<unknown>): void;
  reject(error: KioskError): void;
}

const OPEN = 1;

/**
 * Carries the KioskApi over the host's WebSocket (`main/web`). Calls made
 * while connecting are queued and sent on open (they reject with `timeout`
 * after `queueTimeoutMs`); the socket reconnects with exponential backoff;
 * calls already sent when the connection drops reject with a
 * {@link KioskError} `internal` (detail `{ reason: 'disconnected' }`), since the
 * host may or may not have run them. Payloads that cannot be serialised or
 * exceed `WIRE_MAX_MESSAGE_BYTES` resolve as `invalid-payload` without being
 * sent. Malformed messages from the host are ignored. Event subscriptions
 * survive reconnects (the host pushes every event to every client).
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const Impl = options.WebSocketImpl ?? (globalThis as unknown as { WebSocket: WebSocketConstructor }).WebSocket;
  const initialMs = options.reconnectInitialMs ?? 250;
  const maxMs = options.reconnectMaxMs ?? 5000;
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const encoder = new TextEncoder();
  let socket: WebSocketLike | null = null;
  let isOpen = false;
  let closed = false;
  let nextId = 1;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (state: ConnectionState): void => options.onStateChange?.(state);

  function connect(): void {
    setState('connecting');
    const ws = new Impl(options.url, options.token === undefined ? [KIOSK_WS_PROTOCOL] : [KIOSK_WS_PROTOCOL, KIOSK_TOKEN_PROTOCOL_PREFIX + options.token]);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      isOpen = true;
      failedAttempts = 0;
      setState('open');
      for (const [, entry] of pending) if (!entry.sent) transmit(entry);
    };
    ws.onmessage = (event) => receive(event.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      isOpen = false;
      setState('closed');
      for (const [id, entry] of pending) {
        if (!entry.sent) continue;
        pending.delete(id);
        entry.reject(new KioskError('internal', 'connection to the kiosk host was lost', { reason: 'disconnected' }));
      }
      if (!closed) scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    const delay = Math.min(maxMs, initialMs * 2 ** failedAttempts);
    failedAttempts += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (!closed) connect();
    }, delay);
  }

  function transmit(entry: Pending): void {
    if (!socket || !isOpen || socket.readyState !== OPEN) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    entry.sent = true;
    socket.send(entry.text);
  }

  function receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const r = readWireResult(message);
    if (r) {
      const entry = pending.get(r.id);
      if (!entry) return;
      pending.delete(r.id);
      entry.resolve(r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error });
      return;
    }
    const event = readWireEvent(message);
    if (!event) return;
    for (const listener of [...(listeners.get(event.channel) ?? [])]) {
      try {
        listener(event.payload);
      } catch {
        // One failing listener must not stop delivery to the others.
      }
    }
  }

  connect();

  return {
    call(channel, payload) {
      if (closed) return Promise.reject(new KioskError('cancelled', 'the kiosk transport is closed'));
      const id = nextId++;
      let text: string;
      try {
        text = JSON.stringify({ type: 'call', id, channel, payload: payload ?? {} });
      } catch {
        return Promise.resolve({ ok: false, error: { code: 'invalid-payload', message: `payload for ${channel} cannot be serialised` } });
      }
      if (encoder.encode(text).length > WIRE_MAX_MESSAGE_BYTES) {
        return Promise.resolve({ ok: false, error: { code: 'invalid-payload', message: `payload for ${channel} exceeds ${WIRE_MAX_MESSAGE_BYTES} bytes` } });
      }
      return new Promise<Result<unknown>>((resolve, reject) => {
        const entry: Pending = { text, sent: false, timer: null, resolve, reject };
        pending.set(id, entry);
        if (isOpen) {
          transmit(entry);
          return;
        }
        entry.timer = setTimeout(() => {
          pending.delete(id);
          reject(new KioskError('timeout', `no connection to the kiosk host within ${queueTimeoutMs} ms`));
        }, queueTimeoutMs);
      });
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const [, entry] of pending) {
        if (entry.timer) clearTimeout(entry.timer);
        entry.reject(new KioskError('cancelled', 'the kiosk transport was closed'));
      }
      pending.clear();
      const ws = socket;
      socket = null;
      isOpen = false;
      ws?.close(1000, 'client closing');
      setState('closed');
    },
  };
}
