import { z } from 'zod';
import { KeyProtectionSchema, RatingLevelSchema } from '../../common/contract/schemas';
import { CommandAckStatusSchema, FleetCommandKindSchema } from '../../common/fleet/fleet-command';
import { TerminalHealthSchema } from '../../common/fleet/terminal-health';

/** Largest number of items in one batch. */
export const MAX_BATCH_ITEMS = 500;

const IsoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 time');

/** Idempotency key: the client's UUIDv7 (any 1–100 printable ASCII characters are accepted). */
export const ItemIdSchema = z.string().regex(/^[\x21-\x7e]{1,100}$/);

const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const ServiceCode = z.string().min(1).max(64);
const DataObject = z.record(z.string().max(64), z.unknown());

/** Envelope shared by the three batch endpoints; items are validated one by one. */
export const BatchEnvelopeSchema = z.object({
  deviceId: z.string().min(1).max(128),
  items: z.array(z.unknown()).max(MAX_BATCH_ITEMS),
});

const Person = z.object({ name: z.string().min(1).max(50), idNumber: z.string().max(40).nullable() }).strict();

/** The agent, the principal and the evidence of consent of an application made for someone else. */
export const DelegationSchema = z
  .object({
    route: z.enum(['card', 'authorisation', 'guardian']),
    relation: z.enum(['spouse', 'child', 'parent', 'other-relative', 'other']),
    agent: Person,
    principal: Person,
    consent: z
      .object({ kind: z.enum(['card-present', 'authorisation', 'guardian-check']), ref: z.string().max(100).nullable() })
      .strict(),
  })
  .strict();

/** One transaction of `POST /api/v1/transactions/batch`. */
export const TransactionItemSchema = z.object({
  id: ItemIdSchema,
  seq: Seq,
  service: ServiceCode,
  createdAt: IsoTime,
  kioskClockOffsetMs: z.number().finite().nullable(),
  data: DataObject,
  /** Present when an agent applied for the principal (代办), docs/sync-protocol.md §3.9. */
  delegation: DelegationSchema.optional(),
});

/** One rating of `POST /api/v1/ratings/batch`. */
export const RatingItemSchema = z.object({
  id: ItemIdSchema,
  seq: Seq,
  transactionId: z.string().max(100).nullable(),
  service: ServiceCode,
  level: RatingLevelSchema,
  reason: z.string().max(500).nullable(),
  createdAt: IsoTime,
});

/** One telemetry event of `POST /api/v1/telemetry/batch`. */
export const TelemetryItemSchema = z.object({
  id: ItemIdSchema,
  seq: Seq,
  type: z.string().min(1).max(64),
  at: IsoTime,
  data: DataObject,
});

/** Body of `POST /api/v1/heartbeats`. */
export const HeartbeatSchema = z.object({
  deviceId: z.string().min(1).max(128),
  version: z.string().min(1).max(64),
  sentAt: IsoTime,
  queue: z.object({
    pending: z.number().int().nonnegative(),
    needsAttention: z.number().int().nonnegative(),
    oldestPendingAgeSeconds: z.number().nonnegative().nullable(),
  }),
  devices: z.array(z.unknown()).max(50),
  alerts: z.array(z.object({ code: z.string().max(64), message: z.string().max(500) })).max(100),
  /** The audit chain's head and the kiosk's hash at the last acknowledged head; absent from kiosks before the chain was keyed. */
  audit: z
    .object({
      head: z.object({ id: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      proof: z.object({ id: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/).nullable() }).nullable(),
    })
    .optional(),
  /** What protects the kiosk's data key at rest (common/contract/schemas.ts KeyProtection); absent from kiosks before it was reported. */
  keyProtection: KeyProtectionSchema.optional(),
  /** Health beyond the fields above (versions, uptime, paper, disk, error codes, service state); absent from kiosks before the fleet issue. */
  health: TerminalHealthSchema.optional(),
});

/** Body of `POST /api/v1/commands/ack`: how the terminal answered each delivered command (`ref` as delivered). */
export const CommandAckSchema = z.object({
  deviceId: z.string().min(1).max(128),
  results: z
    .array(
      z.object({
        ref: z.number().int().positive(),
        id: z.string().max(64).nullable(),
        status: CommandAckStatusSchema,
        reason: z.string().max(64).nullable(),
      }).strict(),
    )
    .min(1)
    .max(50),
}).strict();

/** Body of `POST /api/v1/logs`: redacted log lines the terminal uploads (for a command or on its own). */
export const LogUploadSchema = z.object({
  deviceId: z.string().min(1).max(128),
  commandId: z.string().max(64).nullable(),
  lines: z.array(z.string().max(4000)).max(2000),
}).strict();

/** Body of `POST /admin/fleet/config` (test-only). `mode`: `signed` (default), `unsigned` (no signature) or `raw` (`document` served as is); `unchecked` signs settings that break the schema. */
export const FleetConfigAdminSchema = z.object({
  terminal: z.string().min(1).max(128).optional(),
  group: z.string().min(1).max(128).optional(),
  settings: z.unknown().optional(),
  document: z.string().max(65_536).optional(),
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  mode: z.enum(['signed', 'unsigned', 'raw']).default('signed'),
  unchecked: z.boolean().default(false),
}).strict();

/** Body of `POST /admin/fleet/commands` (test-only): a new command (`terminal`, `kind`), or the very document of an earlier delivery again (`replayRef`). */
export const FleetCommandAdminSchema = z.union([
  z.object({
    terminal: z.string().min(1).max(128),
    kind: FleetCommandKindSchema,
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
    validForSeconds: z.number().int().min(-86_400).max(30 * 86_400).default(3600),
    mode: z.enum(['signed', 'unsigned']).default('signed'),
  }).strict(),
  /** `terminal` delivers the earlier document to another terminal than it was signed for (test-only). */
  z.object({ replayRef: z.number().int().positive(), terminal: z.string().min(1).max(128).optional() }).strict(),
]);

/** Body of `POST /api/v1/identity/qr`. */
export const QrIdentitySchema = z.object({ payload: z.string().max(500) });

/** Body of `POST /api/v1/payments`. */
export const PaymentRequestSchema = z.object({
  transactionId: z.string().min(1).max(100),
  amountFen: z.number().int().positive().max(100_000_000),
});

/** Body of `POST /admin/faults`: every key optional, merged into the current settings. */
export const FaultsPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    errorRate: z.number().min(0).max(1),
    dropRate: z.number().min(0).max(1),
    down: z.boolean(),
  })
  .partial()
  .strict();

/** Body of `POST /admin/pin`. */
export const PinSchema = z
  .object({
    version: z.string().min(1).max(64).nullable(),
    /** Pin one terminal (device id) instead of every terminal. */
    terminal: z.string().min(1).max(128).optional(),
    /** Pin one group (enrolment site, or a group set with `POST /admin/terminal-group`). */
    group: z.string().min(1).max(128).optional(),
  })
  .refine((b) => b.terminal === undefined || b.group === undefined, { message: 'pin a terminal or a group, not both' });

/** Body of `POST /admin/terminal-group`: puts a terminal into a group (null: back to its enrolment site). */
export const TerminalGroupSchema = z.object({ terminal: z.string().min(1).max(128), group: z.string().min(1).max(128).nullable() });

/** Body of `POST /admin/catalogue/bump`. */
export const BumpSchema = z.object({ changes: z.number().int().min(1).max(50).optional() });

/** Body of `POST /admin/catalogue/edit` (test-only): one text of one item, in one language. */
export const CatalogueEditSchema = z.object({ code: z.string().min(1).max(64), locale: z.enum(['zh-CN', 'zh-TW', 'en', 'ug']), name: z.string().min(1).max(200) }).strict();

/** Body of `POST /admin/clock`. */
export const ClockSchema = z.object({ offsetMs: z.number().int().min(-31_536_000_000).max(31_536_000_000) });

/** Body of `POST /api/v1/queries`: the identified person asks a query item (answered at once, nothing stored). */
export const QueryRequestSchema = z.object({
  deviceId: z.string().min(1).max(128),
  service: ServiceCode,
  applicant: z.object({ name: z.string().min(1).max(64), idNumber: z.string().min(1).max(40) }),
  /** The person's choices on the query's form (field id → value); `{}` when it has none. */
  parameters: z.record(z.string().max(64), z.string().max(500)).default({}),
});
