import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { HeartbeatSchema } from '../protocol/request-schemas';

/** `POST /api/v1/heartbeats` → `{serverTime, pinnedVersion}`; the heartbeat is logged. */
export function registerHeartbeatRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/heartbeats', async (request) => {
    const hb = parseBody(HeartbeatSchema, request.body);
    ctx.heartbeats.add(hb.deviceId, hb, request.platformTime);
    return { serverTime: request.platformTime, pinnedVersion: ctx.settings.pinnedVersion() };
  });
}
