import type { ConnectionState } from './websocket-transport';

/**
 * The state of the page's connection to its host, for screens that must say
 * when the kiosk is not reachable. Browser mode reports the WebSocket's
 * state; Electron's IPC never drops (it reports `open` from the start).
 */
export interface ConnectionStatus {
  /** The state now. */
  get(): ConnectionState;
  /** Subscribes to changes; returns an unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** A status whose state the transport sets. */
export function createConnectionStatus(initial: ConnectionState): ConnectionStatus & { set(state: ConnectionState): void } {
  let state = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

let current: ConnectionStatus = createConnectionStatus('open');

/** The page's connection status (set by `getKioskApi`; `open` for in-memory test APIs). */
export function connectionStatus(): ConnectionStatus {
  return current;
}

/** Replaces the page's connection status (`getKioskApi` for the WebSocket transport; tests). */
export function setConnectionStatus(status: ConnectionStatus): void {
  current = status;
}
