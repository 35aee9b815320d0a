/**
 * The wire schemas of platform protocol v1 on the kiosk side, in one place
 * (docs/openapi.yaml is the description; tests/uplink/openapi-traffic.test.ts
 * checks recorded traffic against it). Every answer is parsed with these
 * before anything reaches the store or the renderer, bounded so a hostile
 * platform cannot exhaust memory.
 */
import { z } from 'zod';
import { ServiceDetailSchema } from '../../common/contract/schemas';
import { catalogueText, NameI18nSchema } from '../../common/contract/catalogue-text';

/** ISO 8601 time as sent by the platform. */
const IsoTime = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'not an ISO time');

/** `GET /api/v1/time`. */
export const TimeResponseSchema = z.object({ serverTime: IsoTime });
export type TimeResponse = z.infer<typeof TimeResponseSchema>;

/** One life-event bundle ("一件事"). */
export const LifeEventSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  /** The bundle's name in the other kiosk languages, where the platform has it. */
  i18n: NameI18nSchema.optional(),
  itemCodes: z.array(z.string().max(64)).max(200),
});
export type LifeEvent = z.infer<typeof LifeEventSchema>;

/** `GET /api/v1/catalogue?since=` response. Bounded so a hostile platform cannot exhaust memory further. */
export const CatalogueResponseSchema = z.object({
  serverTime: IsoTime,
  version: z.number().int().nonnegative(),
  full: z.boolean(),
  items: z.array(ServiceDetailSchema).max(100_000),
  removed: z.array(z.string().max(64)).max(100_000),
  /** Absent from a compact delta (`compact=1`): the life events did not change. Required in a full answer (checked by the refresh). */
  lifeEvents: z.array(LifeEventSchema).max(10_000).optional(),
  /** Compact delta only: single texts changed, applied to the cached item (docs/sync-protocol.md §3.1). */
  patches: z
    .array(z.object({ code: z.string().min(1).max(64), locale: z.enum(['zh-CN', 'zh-TW', 'en', 'ug']), field: z.literal('name'), text: catalogueText(200) }).strict())
    .max(10_000)
    .optional(),
});
export type CatalogueResponse = z.infer<typeof CatalogueResponseSchema>;

/** One per-item verdict of a batch endpoint. */
export const ItemResultSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().max(200).optional(),
});

/** Response of the three `…/batch` endpoints. */
export const BatchResponseSchema = z.object({
  serverTime: IsoTime,
  results: z.array(ItemResultSchema).max(500),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/** `POST /api/v1/heartbeats` response. */
export const HeartbeatResponseSchema = z.object({
  serverTime: IsoTime,
  pinnedVersion: z.string().max(64).nullable(),
  /** The audit head id the platform recorded; the kiosk proves its hash there in the next heartbeat. Absent from older platforms. */
  auditAck: z.number().int().nonnegative().nullable().optional(),
  /** The remote configuration version the platform offers this terminal (null: none); the kiosk fetches it when newer than its own. Absent from older platforms. */
  configVersion: z.number().int().nonnegative().nullable().optional(),
  /** Signed commands not yet acknowledged, with the platform's delivery reference. Absent from older platforms. */
  commands: z.array(z.object({ ref: z.number().int().positive(), document: z.string().max(8192) })).max(20).optional(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;

/** `POST /api/v1/identity/qr` response: the person the e-ID code names. */
export const QrIdentityResponseSchema = z.object({ name: z.string().min(1).max(64), idNumber: z.string().max(40).nullable() });
export type QrIdentityResponse = z.infer<typeof QrIdentityResponseSchema>;

const WirePerson = z.object({ name: z.string().min(1).max(64), idNumber: z.string().regex(/^\d{17}[\dX]$/) });

/** `POST /api/v1/delegations/verify` response: the principal and what the authorisation covers. */
export const DelegationVerifyResponseSchema = z.object({
  authorisationId: z.string().min(1).max(100),
  principal: WirePerson,
  services: z.array(z.string().min(1).max(64)).min(1).max(100),
  expiresAt: IsoTime,
});
export type DelegationVerifyResponse = z.infer<typeof DelegationVerifyResponseSchema>;

/** `POST /api/v1/delegations/guardian-check` response: the check's id and the child as the household register names them. */
export const GuardianCheckResponseSchema = z.object({ checkId: z.string().min(1).max(100), child: WirePerson });
export type GuardianCheckResponse = z.infer<typeof GuardianCheckResponseSchema>;

/** `POST /api/v1/payments` response: the order to show as a QR code. */
export const PaymentOrderResponseSchema = z.object({ paymentId: z.string().min(1).max(64), qrPayload: z.string().min(1).max(1024), expiresAt: z.string() });
export type PaymentOrderResponse = z.infer<typeof PaymentOrderResponseSchema>;

/** `GET /api/v1/payments/{id}` and `POST …/cancel` response. */
export const PaymentStatusResponseSchema = z.object({ status: z.enum(['pending', 'paid', 'expired', 'cancelled']) });
export type PaymentStatusResponse = z.infer<typeof PaymentStatusResponseSchema>;

/** One line of a query answer; `kind` tells the kiosk how to mask it (see docs/sync-protocol.md, "Queries"). */
export const QueryRowSchema = z.object({
  label: z.string().min(1).max(40),
  value: z.string().max(200),
  kind: z.enum(['text', 'name', 'idNumber', 'account', 'amount']),
});

/**
 * `POST /api/v1/queries` response: the answer of a query item, shown and
 * printed at once, never stored. Bounded (20 sections of 40 rows) so a
 * hostile platform cannot flood the screen or the receipt.
 */
export const QueryResponseSchema = z.object({
  serverTime: IsoTime,
  service: z.string().min(1).max(64),
  title: z.string().min(1).max(100),
  sections: z
    .array(z.object({ heading: z.string().min(1).max(40), rows: z.array(QueryRowSchema).min(1).max(40) }))
    .min(1)
    .max(20),
  note: z.string().max(500),
});
export type QueryResponse = z.infer<typeof QueryResponseSchema>;

/** Error body of any failed request. */
export const ErrorBodySchema = z.object({ error: z.string().max(100), message: z.string().max(2000).optional() });

/** Batch endpoint path per outbox kind. */
export const BATCH_PATHS = {
  transaction: '/api/v1/transactions/batch',
  rating: '/api/v1/ratings/batch',
  telemetry: '/api/v1/telemetry/batch',
} as const;

/** The platform accepts at most this many items per batch request. */
export const MAX_BATCH_ITEMS = 500;

/** `GET /api/v1/config` response: the signed configuration document offered to this terminal (both null when there is none). */
export const RemoteConfigResponseSchema = z.object({
  serverTime: IsoTime,
  version: z.number().int().nonnegative().nullable(),
  document: z.string().max(65_536).nullable(),
});
export type RemoteConfigResponse = z.infer<typeof RemoteConfigResponseSchema>;

/** `POST /api/v1/commands/ack` response: how many acknowledgements were recorded (an acknowledged delivery is not counted twice). */
export const CommandAckResponseSchema = z.object({ serverTime: IsoTime, recorded: z.number().int().nonnegative() });
export type CommandAckResponse = z.infer<typeof CommandAckResponseSchema>;

/** `POST /api/v1/logs` response. */
export const LogUploadResponseSchema = z.object({ serverTime: IsoTime, received: z.number().int().nonnegative() });
export type LogUploadResponse = z.infer<typeof LogUploadResponseSchema>;
