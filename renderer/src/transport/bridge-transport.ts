import type { ClientTransport } from '../../../common/contract/client';
import { KioskError, isKioskErrorPayload } from '../../../common/contract/errors';

/** The raw `window.kiosk` object as the preload exposed it (service → member → function). */
export type BridgedApi = Record<string, Record<string, unknown>>;

/**
 * Adapts the preload's `window.kiosk` to a {@link ClientTransport}, so the
 * renderer can rebuild the typed client on its side of the context bridge.
 * Why: Electron's contextBridge copies thrown errors without their custom
 * properties, so the preload rejects with a plain `{code, message, detail}`
 * object instead; this turns it back into a `Result` error (and anything else
 * into `internal`). Unknown channels resolve as `invalid-payload`.
 */
export function createBridgeTransport(bridged: BridgedApi): ClientTransport {
  // Called as a method of its service object: a `window.kiosk` that is a class
  // instance (test fakes) may rely on `this`.
  const member = (channel: string): ((arg: unknown) => unknown) | null => {
    const at = channel.indexOf(':');
    const service = bridged[channel.slice(0, at)];
    const fn = service?.[channel.slice(at + 1)];
    return at > 0 && typeof fn === 'function' ? (arg: unknown) => (fn as (arg: unknown) => unknown).call(service, arg) : null;
  };
  return {
    async call(channel, payload) {
      const fn = member(channel);
      if (!fn) return { ok: false, error: { code: 'invalid-payload', message: `unknown channel ${channel.slice(0, 80)}` } };
      try {
        return { ok: true, value: await fn(payload) };
      } catch (e) {
        if (e instanceof KioskError) return { ok: false, error: e.toPayload() };
        if (isKioskErrorPayload(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) } };
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : 'bridge call failed' } };
      }
    },
    subscribe(channel, listener) {
      const fn = member(channel);
      if (!fn) return () => undefined;
      const unsubscribe = fn(listener);
      return typeof unsubscribe === 'function' ? () => void (unsubscribe as () => void)() : () => undefined;
    },
  };
}
