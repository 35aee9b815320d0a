import { PlatformProtocolError } from './platform-errors';

/**
 * The signal of one call: aborted with a `TimeoutError` after `timeoutMs`, or
 * with `cancel`'s reason when `cancel` aborts first. `release()` (always call
 * it when the call is over) clears the timer and unhooks from `cancel`, so a
 * long-lived `cancel` signal (the probe's, the sync engine's) keeps nothing of
 * finished calls. `AbortSignal.any` with such a signal did: every call left a
 * dependent signal (and, through it, the response stream) reachable from it,
 * about 1.6 KB per request, measured on a core probing every 100 ms.
 */
export function callSignal(timeoutMs: number, cancel?: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const onCancel = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) controller.abort(cancel.reason);
  else cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}

/** Rejects with a TimeoutError when `promise` has not settled within `ms` (the promise itself is left to settle). */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no complete answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Reads the whole body, refusing more than `maxBytes` (declared by
 * `Content-Length` or counted while reading) with a {@link PlatformProtocolError};
 * an abort of `signal` cancels a stalled read.
 */
export async function readLimited(response: Response, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new PlatformProtocolError(`response too large (${declared} bytes)`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new PlatformProtocolError(`response larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
