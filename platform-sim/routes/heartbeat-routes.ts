import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { HeartbeatSchema } from '../protocol/request-schemas';

/**
 * `POST /api/v1/heartbeats` → `{serverTime, pinnedVersion, auditAck}`; the
 * heartbeat is logged and its audit heads checked against those received
 * before (`auditAck`: the head id the kiosk proves next time; null when the
 * heartbeat carried none).
 */
export function registerHeartbeatRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/heartbeats', async (request) => {
    const hb = parseBody(HeartbeatSchema, request.body);
    ctx.heartbeats.add(hb.deviceId, hb, request.platformTime);
    const audit = hb.audit ? ctx.heartbeats.checkAudit(hb.deviceId, hb.audit, request.platformTime) : null;
    return { serverTime: request.platformTime, pinnedVersion: ctx.settings.pinnedVersion(), auditAck: audit?.ack ?? null };
  });
}
