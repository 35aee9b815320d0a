import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error';

function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
    throw new HttpError(400, 'bad-request', 'forbidden key in JSON body');
  }
  return value;
}

/**
 * Replaces fastify's JSON parser with one that accepts an empty body (as
 * `undefined`: a kiosk sends `Content-Type: application/json` on every
 * request, including body-less POSTs such as payment cancel) and still refuses
 * invalid JSON and prototype-poisoning keys with 400 `bad-request`. Keeps the
 * body's bytes as `request.rawBody` for the signature check.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    // The exact bytes received: a signed request's body digest is checked over them.
    request.rawBody = Buffer.from(text, 'utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, refuseProtoKeys));
    } catch (err) {
      done(err instanceof HttpError ? err : new HttpError(400, 'bad-request', 'body is not valid JSON'), undefined);
    }
  });
}
