import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { HeartbeatSchema } from '../protocol/request-schemas';
import { configVersionFor, groupOf } from './fleet-routes';

/**
 * `POST /api/v1/heartbeats` → `{serverTime, pinnedVersion, auditAck}`
 * (`pinnedVersion`: the terminal's own pin, else its group's — the group
 * set by the admin, else its enrolment site — else the platform-wide one); the
 * heartbeat is logged and its audit heads checked against those received
 * before (`auditAck`: the head id the kiosk proves next time; null when the
 * heartbeat carried none). Fleet (§3.6–3.7): `configVersion` announces the
 * configuration the terminal is offered (null: none) and `commands` carries
 * the commands it has not acknowledged yet; the heartbeat is kept as the
 * terminal's last health for the fleet view.
 */
export function registerHeartbeatRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/heartbeats', async (request) => {
    const hb = parseBody(HeartbeatSchema, request.body);
    ctx.heartbeats.add(hb.deviceId, hb, request.platformTime);
    const audit = hb.audit ? ctx.heartbeats.checkAudit(hb.deviceId, hb.audit, request.platformTime) : null;
    const group = groupOf(ctx, hb.deviceId);
    ctx.fleet.recordHealth(hb.deviceId, hb, request.platformTime, hb.health?.report === 'full');
    return {
      serverTime: request.platformTime,
      pinnedVersion: ctx.settings.pinnedVersionFor(hb.deviceId, group),
      auditAck: audit?.ack ?? null,
      configVersion: configVersionFor(ctx, hb.deviceId),
      commands: ctx.fleet.deliverCommands(hb.deviceId),
    };
  });
}
