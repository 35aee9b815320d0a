import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { signPlatformDocument, unsignedPlatformDocument } from '../../common/crypto/platform-document';
import { providerForSignature } from '../../common/crypto/providers';
import { FLEET_COMMAND_PREFIX } from '../../common/fleet/fleet-command';
import { REMOTE_CONFIG_PREFIX, RemoteSettingsSchema } from '../../common/fleet/remote-config';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { CommandAckSchema, FleetCommandAdminSchema, FleetConfigAdminSchema, LogUploadSchema } from '../protocol/request-schemas';
import type { StoredConfig } from '../store/fleet-store';

/** The device a kiosk request is from: its signer, else the `X-Kiosk-Device` it names. */
function requester(request: FastifyRequest): string {
  const named = request.headers['x-kiosk-device'];
  return request.signedBy?.deviceId ?? (typeof named === 'string' ? named : '');
}

/** The platform key that signs for a device: the algorithm it enrolled with (Ed25519 for a device never enrolled). */
function signerFor(ctx: PlatformContext, deviceId: string) {
  const provider = providerForSignature(ctx.trust.devices.get(deviceId)?.algorithm ?? 'ed25519')!;
  return { provider, privateKey: ctx.trust.platformKey(provider).privateKey };
}

/** The group of a terminal as the pins use it (admin group, else enrolment site). */
export function groupOf(ctx: PlatformContext, deviceId: string): string | null {
  return ctx.settings.terminalGroup(deviceId, ctx.trust.devices.get(deviceId)?.siteId ?? null);
}

/** The configuration document served to `deviceId` (signed for that device, or in the stored test mode). */
function configDocument(ctx: PlatformContext, deviceId: string, config: StoredConfig): string {
  if (config.mode === 'raw') return config.settings;
  const payload = { v: 1, deviceId, version: config.version, issuedAt: config.setAt, settings: JSON.parse(config.settings) as unknown };
  const { provider, privateKey } = signerFor(ctx, deviceId);
  return config.mode === 'unsigned' ? unsignedPlatformDocument(REMOTE_CONFIG_PREFIX, { ...payload, alg: provider.signatureAlgorithm }) : signPlatformDocument(REMOTE_CONFIG_PREFIX, provider, privateKey, payload);
}

/** The configuration version a terminal is offered (null: none), announced in every heartbeat reply. */
export function configVersionFor(ctx: PlatformContext, deviceId: string): number | null {
  return ctx.fleet.configFor(deviceId, groupOf(ctx, deviceId))?.version ?? null;
}

/**
 * The fleet (docs/sync-protocol.md §3.6–3.8): remote configuration, commands
 * and their acknowledgements, log upload, and the test-only admin side
 * (set a configuration, queue or replay a command, the fleet view).
 */
export function registerFleetRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  // Conditional: ETag "cfg-<version>"; If-None-Match with it answers 304 and no body.
  app.get('/api/v1/config', async (request, reply) => {
    const deviceId = requester(request);
    const config = ctx.fleet.configFor(deviceId, groupOf(ctx, deviceId));
    if (!config) return { serverTime: request.platformTime, version: null, document: null };
    const etag = `"cfg-${config.version}"`;
    reply.header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send('');
    return { serverTime: request.platformTime, version: config.version, document: configDocument(ctx, deviceId, config) };
  });

  app.post('/api/v1/commands/ack', async (request) => {
    const body = parseBody(CommandAckSchema, request.body);
    let recorded = 0;
    for (const r of body.results) if (ctx.fleet.ack(body.deviceId, r.ref, r.status, r.reason, request.platformTime)) recorded++;
    return { serverTime: request.platformTime, recorded };
  });

  app.post('/api/v1/logs', async (request) => {
    const body = parseBody(LogUploadSchema, request.body);
    ctx.fleet.addLogs(body.deviceId, body.commandId, body.lines, request.platformTime);
    return { serverTime: request.platformTime, received: body.lines.length };
  });

  app.post('/admin/fleet/config', async (request) => {
    const body = parseBody(FleetConfigAdminSchema, request.body);
    if ((body.terminal === undefined) === (body.group === undefined)) throw new HttpError(400, 'bad-request', 'name exactly one of terminal or group');
    const scope = body.terminal !== undefined ? `terminal:${body.terminal}` : `group:${body.group!}`;
    let text: string;
    if (body.mode === 'raw') {
      if (body.document === undefined) throw new HttpError(400, 'bad-request', 'mode raw needs document');
      text = body.document;
    } else {
      const settings = body.unchecked ? body.settings : parseBody(RemoteSettingsSchema, body.settings);
      text = JSON.stringify(settings ?? null);
    }
    const stored = ctx.fleet.setConfig(scope, text, body.mode, request.platformTime, body.version);
    return { scope, version: stored.version, mode: stored.mode };
  });

  app.get('/admin/fleet/configs', async () => ctx.fleet.configs().map((c) => ({ scope: c.scope, version: c.version, mode: c.mode, setAt: c.setAt })));

  app.post('/admin/fleet/commands', async (request) => {
    const body = parseBody(FleetCommandAdminSchema, request.body);
    if ('replayRef' in body) {
      const earlier = ctx.fleet.commandToken(body.replayRef);
      if (!earlier) throw new HttpError(404, 'not-found', 'unknown command delivery');
      const ref = ctx.fleet.queueCommand(body.terminal ?? earlier.deviceId, earlier.id, earlier.kind, earlier.token, request.platformTime);
      return { ref, id: earlier.id, kind: earlier.kind, replayOf: body.replayRef };
    }
    const id = body.id ?? randomUUID();
    const issued = ctx.clock.nowMs();
    const payload = { v: 1, id, deviceId: body.terminal, kind: body.kind, issuedAt: new Date(issued).toISOString(), expiresAt: new Date(issued + body.validForSeconds * 1000).toISOString() };
    const { provider, privateKey } = signerFor(ctx, body.terminal);
    const token =
      body.mode === 'unsigned' ? unsignedPlatformDocument(FLEET_COMMAND_PREFIX, { ...payload, alg: provider.signatureAlgorithm }) : signPlatformDocument(FLEET_COMMAND_PREFIX, provider, privateKey, payload);
    const ref = ctx.fleet.queueCommand(body.terminal, id, body.kind, token, request.platformTime);
    return { ref, id, kind: body.kind };
  });

  app.get('/admin/fleet/commands', async (request) => {
    const terminal = (request.query as Record<string, unknown>).terminal;
    return ctx.fleet.commands(typeof terminal === 'string' ? terminal : undefined);
  });

  app.get('/admin/fleet/logs', async () => ctx.fleet.logs());

  app.get('/admin/fleet/terminals', async () => fleetView(ctx));
  app.get('/admin/fleet/terminals/:deviceId', async (request) => {
    const id = (request.params as { deviceId?: string }).deviceId ?? '';
    const terminal = fleetView(ctx).find((t) => t.deviceId === id);
    if (!terminal) throw new HttpError(404, 'not-found', 'unknown terminal');
    return terminal;
  });
}

/** One row of the fleet view per terminal enrolled or heard from: identity, group, last heartbeat and health, configuration offered, commands waiting. */
function fleetView(ctx: PlatformContext) {
  const health = new Map(ctx.fleet.health().map((h) => [h.deviceId, h]));
  const ids = [...new Set([...ctx.trust.devices.list().map((d) => d.deviceId), ...health.keys()])].sort();
  return ids.map((deviceId) => {
    const device = ctx.trust.devices.get(deviceId);
    const last = health.get(deviceId) ?? null;
    const hb = last?.heartbeat ?? null;
    return {
      deviceId,
      siteId: device?.siteId ?? null,
      group: groupOf(ctx, deviceId),
      enrolled: device !== null,
      revoked: device?.revokedAt != null,
      lastHeartbeatAt: last?.receivedAt ?? null,
      lastFullReportAt: last?.fullReportAt ?? null,
      version: (hb?.version as string | undefined) ?? null,
      queue: hb?.queue ?? null,
      devices: hb?.devices ?? [],
      alerts: hb?.alerts ?? [],
      auditHead: (hb?.audit as { head?: unknown } | undefined)?.head ?? null,
      health: hb?.health ?? null,
      configVersionOffered: configVersionFor(ctx, deviceId),
      pendingCommands: ctx.fleet.commands(deviceId).filter((c) => c.ack === null).length,
    };
  });
}
