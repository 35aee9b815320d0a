import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../platform-context';

/**
 * `GET /api/v1/catalogue?since=<version>`: the full catalogue when `since` is
 * absent, not a whole number, unknown or older than the kept history; else the
 * delta (compact with `compact=1`: text edits as `patches`, no `lifeEvents`). Conditional: the answer carries `ETag: "cat-<version>"`; a request
 * whose `If-None-Match` names the current version is answered 304 with no body.
 */
export function registerCatalogueRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/catalogue', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).since;
    const since = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
    const etag = `"cat-${ctx.catalogue.version}"`;
    reply.header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send('');
    const delta = ctx.catalogue.since(since, (request.query as Record<string, unknown>).compact === '1');
    const head = `{"serverTime":${JSON.stringify(request.platformTime)},`;
    const body = delta.full ? head + ctx.catalogue.fullJsonTail() : head + JSON.stringify(delta).slice(1);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
