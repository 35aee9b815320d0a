import type { WebSocket } from 'ws';
import type { ContractConnection } from '../../common/contract/connections';
import { WireCallSchema, type WireResult } from '../../common/contract/wire';
import type { ContractDispatcher } from '../../common/contract/dispatcher';
import type { ContractSpec } from '../../common/contract/define';

/** Close codes the host uses (RFC 6455 §7.4.1). */
export const CloseCode = {
  /** The host is shutting down. */
  goingAway: 1001,
  /** A binary frame was sent; the protocol is JSON text only. */
  unsupportedData: 1003,
  /** A message that is not JSON or has no usable `id`. */
  invalidData: 1007,
  /** A message larger than the limit (sent by `ws` itself via `maxPayload`). */
  tooBig: 1009,
} as const;

/**
 * Serves one authenticated WebSocket connection: each text message must be a
 * `call` (see `common/contract/wire.ts`) and gets exactly one `result` with the
 * same id. A JSON object with a numeric `id` but a wrong shape gets an
 * `invalid-payload` result; anything without a usable id (not JSON, not an
 * object) closes the socket with 1007; binary frames close it with 1003.
 * Dispatcher failures cannot escape: the dispatcher never throws.
 *
 * Every call is dispatched on `connection`, the one the host opened for this
 * socket: the message's other fields (a `role`, a connection id, anything)
 * are dropped by the call schema and never reach the dispatcher.
 */
export function serveSocket<C extends ContractSpec>(socket: WebSocket, dispatcher: Pick<ContractDispatcher<C>, 'handle'>, connection: ContractConnection): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(CloseCode.unsupportedData, 'binary frames are not supported');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(rawToString(data));
    } catch {
      socket.close(CloseCode.invalidData, 'message is not JSON');
      return;
    }
    const parsed = WireCallSchema.safeParse(message);
    if (!parsed.success) {
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof message === 'object' && message !== null && typeof id === 'number' && Number.isInteger(id)) {
        send(socket, { type: 'result', id, ok: false, error: { code: 'invalid-payload', message: 'malformed call message (expected {type:"call", id, channel, payload})' } });
      } else {
        socket.close(CloseCode.invalidData, 'malformed message');
      }
      return;
    }
    const { id, channel, payload } = parsed.data;
    void dispatcher.handle(channel, payload, connection).then((result) => send(socket, result.ok ? { type: 'result', id, ok: true, value: result.value } : { type: 'result', id, ok: false, error: result.error }));
  });
}

function rawToString(data: unknown): string {
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return (data as Buffer).toString('utf8');
}

/** Sends a JSON message when the socket is still open; silently drops it otherwise. */
export function send(socket: WebSocket, message: WireResult | { type: 'event'; channel: string; payload: unknown }): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify(message));
}
