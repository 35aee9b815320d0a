import { isKioskErrorPayload, type KioskErrorPayload } from './errors';

/**
 * Zod-free readers of the messages the host sends on the loopback WebSocket
 * (same shapes as `WireResultSchema` / `WireEventSchema` in `wire.ts`), for
 * clients that must start fast: the renderer does not load zod at all.
 */

/** A `result` message: the answer to the call with the same `id`. */
export type WireResultMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: KioskErrorPayload };

/** An `event` message pushed by the host. */
export interface WireEventMessage {
  type: 'event';
  channel: string;
  payload: unknown;
}

/** `message` as a result, or null when it is not a well-formed one (integer id; `ok` true with a `value` key present, or false with an error payload). */
export function readWireResult(message: unknown): WireResultMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type !== 'result' || !Number.isInteger(m.id)) return null;
  const id = m.id as number;
  if (m.ok === true) return 'value' in m ? { type: 'result', id, ok: true, value: m.value } : null;
  if (m.ok === false && isKioskErrorPayload(m.error)) {
    const { code, message: text, detail } = m.error;
    return { type: 'result', id, ok: false, error: detail ? { code, message: text, detail } : { code, message: text } };
  }
  return null;
}

/** `message` as an event, or null when it is not one (string channel, `payload` key present). */
export function readWireEvent(message: unknown): WireEventMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type !== 'event' || typeof m.channel !== 'string' || !('payload' in m)) return null;
  return { type: 'event', channel: m.channel, payload: m.payload };
}
