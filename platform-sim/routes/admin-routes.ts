import type { FastifyInstance } from 'fastify';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { BumpSchema, CatalogueEditSchema, ClockSchema, FaultsPatchSchema, PinSchema, TerminalGroupSchema } from '../protocol/request-schemas';

/**
 * Test-only admin endpoints (never exposed by a real platform). Not subject
 * to fault injection.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/admin/transactions', async () =>
    ctx.records.list('transaction').map((r) => ({
      id: r.id,
      deviceId: r.deviceId,
      seq: r.seq,
      service: r.service,
      receivedCount: r.receivedCount,
      acceptedAt: r.acceptedAt,
      // Only on an application an agent made for someone else (代办): agent, principal, relation and consent as received.
      ...delegationOf(r.payload),
    })),
  );

  app.get('/admin/ratings', async () =>
    ctx.records.list('rating').map((r) => {
      const p = r.payload as Record<string, unknown>;
      return {
        id: r.id,
        deviceId: r.deviceId,
        seq: r.seq,
        transactionId: p.transactionId,
        service: r.service,
        level: p.level,
        reason: p.reason,
        createdAt: p.createdAt,
        receivedCount: r.receivedCount,
        acceptedAt: r.acceptedAt,
      };
    }),
  );

  app.get('/admin/telemetry', async () =>
    ctx.records.list('telemetry').map((r) => {
      const p = r.payload as Record<string, unknown>;
      return { id: r.id, deviceId: r.deviceId, seq: r.seq, type: p.type, at: p.at, data: p.data, receivedCount: r.receivedCount, acceptedAt: r.acceptedAt };
    }),
  );

  app.get('/admin/heartbeats', async () => ctx.heartbeats.list());
  app.get('/admin/audit-alerts', async () => ctx.heartbeats.auditAlerts());

  app.get('/admin/faults', async () => ctx.faults.settings);
  app.post('/admin/faults', async (request) => ctx.faults.merge(parseBody(FaultsPatchSchema, request.body)));

  app.post('/admin/reset', async () => {
    ctx.faults.reset();
    return ctx.faults.settings;
  });

  // Without `terminal`/`group`: the platform-wide pin, answered `{pinnedVersion}` as always.
  app.post('/admin/pin', async (request) => {
    const { version, terminal, group } = parseBody(PinSchema, request.body);
    if (terminal !== undefined) {
      ctx.settings.setScopedPin({ terminal }, version);
      return { pinnedVersion: version, terminal };
    }
    if (group !== undefined) {
      ctx.settings.setScopedPin({ group }, version);
      return { pinnedVersion: version, group };
    }
    ctx.settings.setPinnedVersion(version);
    return { pinnedVersion: version };
  });

  app.get('/admin/pins', async () => ctx.settings.pins());

  app.post('/admin/terminal-group', async (request) => {
    const { terminal, group } = parseBody(TerminalGroupSchema, request.body);
    ctx.settings.setTerminalGroup(terminal, group);
    return { terminal, group };
  });

  app.post('/admin/clock', async (request) => {
    ctx.clock.offsetMs = parseBody(ClockSchema, request.body).offsetMs;
    return { offsetMs: ctx.clock.offsetMs, serverTime: ctx.clock.nowIso() };
  });

  app.post('/admin/catalogue/bump', async (request) => {
    const { changes = 3 } = parseBody(BumpSchema, request.body);
    const result = ctx.catalogue.bump(changes);
    ctx.settings.addBump(result.version, changes, request.platformTime);
    return result;
  });

  app.post('/admin/catalogue/edit', async (request) => {
    const edit = parseBody(CatalogueEditSchema, request.body);
    const result = ctx.catalogue.editName(edit.code, edit.locale, edit.name);
    if (!result) throw new HttpError(404, 'not-found', 'unknown catalogue code');
    ctx.settings.addEdit(result.version, edit, request.platformTime);
    return result;
  });

  app.post('/admin/payments/:id/pay', async (request) => {
    const id = (request.params as { id?: string }).id ?? '';
    const p = ctx.payments.transition(id, 'paid', ctx.clock.nowMs());
    if (!p) throw new HttpError(404, 'not-found', 'unknown payment');
    return { status: p.status };
  });
}

/** `{delegation}` of a stored transaction payload when it carries one, else `{}`. */
function delegationOf(payload: unknown): { delegation?: unknown } {
  const d = (payload as { delegation?: unknown } | null)?.delegation;
  return d === undefined ? {} : { delegation: d };
}
