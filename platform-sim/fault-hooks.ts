import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformContext } from './platform-context';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function destroy(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}

/**
 * Installs the platform-time header and the fault hooks. Order matters:
 * time is stamped first so even a 503 carries it; `down` and latency act
 * before the body is read; error and drop decisions are taken after it is read
 * (preHandler), and a "drop after commit" destroys the socket in onSend, after
 * the handler's SQLite transaction has committed.
 */
export function installPlatformHooks(app: FastifyInstance, ctx: PlatformContext): void {
  app.decorateRequest('platformTime', '');
  app.decorateRequest('dropAfterCommit', false);

  app.addHook('onRequest', async (request, reply) => {
    request.platformTime = ctx.clock.nowIso();
    reply.header('X-Platform-Time', request.platformTime);
    if (!isApi(request)) return;
    const faults = ctx.faults.settings;
    if (faults.down) return destroy(request, reply);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!isApi(request)) return;
    const decision = ctx.faults.decide();
    if (decision === 'error') {
      return reply.code(503).send({ error: 'unavailable', message: 'injected fault: service unavailable', serverTime: request.platformTime });
    }
    if (decision === 'drop-before') return destroy(request, reply);
    if (decision === 'drop-after') request.dropAfterCommit = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('X-Platform-Time')) reply.header('X-Platform-Time', request.platformTime || ctx.clock.nowIso());
    if (request.dropAfterCommit) request.raw.socket.destroy();
    return payload;
  });
}
