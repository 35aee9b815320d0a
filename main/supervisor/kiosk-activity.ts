import type { HostDispatcher } from '../../common/contract/dispatcher';
import type { HostEventSource } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import { IdleGate, type IdleGateOptions } from './idle-gate';

/** Channels a page sends on its own without a person (start-up questions, the out-of-service check): not activity. */
const NOT_ACTIVITY: ReadonlySet<string> = new Set(['system:info', 'system:rendererReady', 'system:serviceState', 'devices:list', 'connectivity:status', 'session:current']);

/**
 * The idle rule fed from what crosses the contract: every call a page makes
 * (except its start-up questions) and `system.touched` count as activity,
 * `session:onChanged` gives the session stage. Returns the gate and a stop
 * function.
 */
export function watchKioskActivity(
  source: { onCall(listener: (channel: string) => void): () => void; events: HostEventSource<KioskContract> },
  options: IdleGateOptions = {},
): { gate: IdleGate; stop(): void } {
  const gate = new IdleGate(options);
  const offCalls = source.onCall((channel) => {
    if (!NOT_ACTIVITY.has(channel)) gate.activity();
  });
  const offEvents = source.events.subscribe((channel, payload) => {
    if (channel === 'session:onChanged') gate.sessionStage(String((payload as { stage?: unknown } | null)?.stage ?? 'idle'));
  });
  return {
    gate,
    stop() {
      offCalls();
      offEvents();
    },
  };
}

/**
 * A dispatcher for a host (the Electron IPC host) that tells `onCall` of
 * every call before passing it on unchanged: how an in-process core feeds
 * {@link watchKioskActivity} (a RemoteCore has `onCall` of its own).
 */
export function observeCalls(dispatcher: HostDispatcher<KioskContract>): { dispatcher: HostDispatcher<KioskContract>; onCall(listener: (channel: string) => void): () => void } {
  const listeners = new Set<(channel: string) => void>();
  return {
    dispatcher: {
      connections: dispatcher.connections,
      handle: (channel, payload, connection) => {
        for (const l of [...listeners]) l(channel);
        return dispatcher.handle(channel, payload, connection);
      },
      checkEvent: (channel, payload, connection) => dispatcher.checkEvent(channel, payload, connection),
      mayReceive: (channel, connection) => dispatcher.mayReceive(channel, connection),
    },
    onCall(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
