import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import {
  BatchEnvelopeSchema,
  ItemIdSchema,
  RatingItemSchema,
  TelemetryItemSchema,
  TransactionItemSchema,
} from '../protocol/request-schemas';
import type { EvaluatedItem, RecordKind } from '../store/records-store';

interface BatchSpec<T> {
  path: string;
  kind: RecordKind;
  schema: z.ZodType<T>;
  /** Service code stored with the record. */
  service(item: T): string;
  /** Permanent rejection reason, or null when acceptable. */
  check(item: T, ctx: PlatformContext): string | null;
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const parsed = ItemIdSchema.safeParse((raw as { id?: unknown }).id);
  return parsed.success ? parsed.data : null;
}

function register<T extends { id: string; seq: number }>(app: FastifyInstance, ctx: PlatformContext, spec: BatchSpec<T>): void {
  app.post(spec.path, async (request) => {
    const envelope = parseBody(BatchEnvelopeSchema, request.body);
    const evaluated: EvaluatedItem[] = envelope.items.map((raw) => {
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) return { id: idOf(raw), ok: false, reason: 'invalid-item' };
      const reason = spec.check(parsed.data, ctx);
      if (reason) return { id: parsed.data.id, ok: false, reason };
      return { id: parsed.data.id, ok: true, seq: parsed.data.seq, service: spec.service(parsed.data), payload: parsed.data };
    });
    const results = ctx.records.recordBatch(spec.kind, envelope.deviceId, evaluated, request.platformTime);
    return { serverTime: request.platformTime, results };
  });
}

const LOW_LEVELS = new Set(['dissatisfied', 'very-dissatisfied']);

/**
 * The three batch endpoints. Per-item problems are `rejected` results, never
 * a failed batch; a malformed envelope is a 400. Dedupe is by id per kind, for ever.
 */
export function registerBatchRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  register(app, ctx, {
    path: '/api/v1/transactions/batch',
    kind: 'transaction',
    schema: TransactionItemSchema,
    service: (i) => i.service,
    check: (i, c) => (c.catalogue.isKnown(i.service) ? null : 'unknown-service'),
  });
  register(app, ctx, {
    path: '/api/v1/ratings/batch',
    kind: 'rating',
    schema: RatingItemSchema,
    service: (i) => i.service,
    check: (i, c) => {
      if (!c.catalogue.isKnown(i.service)) return 'unknown-service';
      if (LOW_LEVELS.has(i.level) && (i.reason ?? '').trim() === '') return 'reason-required';
      return null;
    },
  });
  register(app, ctx, {
    path: '/api/v1/telemetry/batch',
    kind: 'telemetry',
    schema: TelemetryItemSchema,
    service: (i) => i.type,
    check: () => null,
  });
}
