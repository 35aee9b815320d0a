import type { IpcRenderer } from 'electron';
import type { ClientTransport } from '../../common/contract/client';
import { KioskErrorPayloadSchema } from '../../common/contract/error-schemas';
import { KioskError, type Result } from '../../common/contract/errors';

/** The part of `ipcRenderer` the transport uses (a fake in tests). */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Client transport over Electron IPC: `call` is `ipcRenderer.invoke(channel)`
 * and resolves with main's {@link Result}; a reply that is not a well-formed
 * Result resolves as `internal`; a rejected invoke (no handler, main crashed)
 * rejects with {@link KioskError} `internal`. `subscribe` listens on the
 * event channel and hands the listener only the payload, never the IPC event
 * (so `event.sender` cannot leak to the page).
 */
export function createIpcTransport(ipc: IpcRendererLike): ClientTransport {
  return {
    async call(channel, payload) {
      let reply: unknown;
      try {
        reply = await ipc.invoke(channel, payload);
      } catch {
        throw new KioskError('internal', `${channel}: main process did not answer`);
      }
      return asResult(reply, channel);
    },
    subscribe(channel, listener) {
      const handler = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channel, handler);
      return () => {
        ipc.removeListener(channel, handler);
      };
    },
  };
}

function asResult(reply: unknown, channel: string): Result<unknown> {
  if (typeof reply === 'object' && reply !== null) {
    const r = reply as { ok?: unknown; value?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, value: r.value };
    if (r.ok === false) {
      const error = KioskErrorPayloadSchema.safeParse(r.error);
      if (error.success) return { ok: false, error: error.data };
    }
  }
  return { ok: false, error: { code: 'internal', message: `${channel}: malformed reply from main` } };
}
