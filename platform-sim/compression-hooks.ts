import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** Bodies shorter than this are sent as they are (gzip's header and trailer would cost more than they save), in bytes. */
export const COMPRESS_MIN_BYTES = 512;

/**
 * Gzips every answer of at least {@link COMPRESS_MIN_BYTES} when the request
 * accepts gzip (`Content-Encoding: gzip`, `Vary: Accept-Encoding`).
 * Registered after the trust hooks, so the platform's reply signature covers
 * the body as the kiosk reads it after decoding (docs/sync-protocol.md §2).
 * Written here rather than with @fastify/compress (not a dependency): ten
 * lines over node:zlib, and it must run after the signing hook.
 */
export function installCompressionHooks(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!(typeof payload === 'string' || Buffer.isBuffer(payload)) || reply.getHeader('content-encoding') !== undefined) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
    reply.header('Vary', 'Accept-Encoding');
    if (body.length < COMPRESS_MIN_BYTES || !/\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''))) return payload;
    const gz = gzipSync(body);
    reply.header('Content-Encoding', 'gzip');
    reply.header('Content-Length', gz.length);
    return gz;
  });
}
