// One file on purpose, for now: these are the wire schemas of the whole KioskApi contract, one section per service
// (devices, session, catalogue, transactions, printing, technician...), and contract.ts reads them together.
// The next split goes by those sections into common/contract/schemas/<service>.ts with this file re-exporting them.
import { z } from 'zod';
import { ROLES } from './roles';
import { ItemI18nSchema, NameI18nSchema, SummaryI18nSchema } from './catalogue-text';

/** Empty request payload. */
export const EmptySchema = z.object({}).strict();

/* ------------------------------------------------------------------ devices */

/** Device classes the kiosk knows. */
export const DeviceClassSchema = z.enum(['idcard', 'receiptPrinter', 'scanner', 'a4Printer', 'camera', 'sscard']);
export type DeviceClass = z.infer<typeof DeviceClassSchema>;

/** Uniform device state (after XFS4IoT): pushed as events, never polled by the UI. */
export const DeviceStateSchema = z.enum(['online', 'offline', 'hardwareError', 'userError', 'busy', 'noDevice']);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const PaperStateSchema = z.enum(['ok', 'near-end', 'out', 'unknown']);
export type PaperState = z.infer<typeof PaperStateSchema>;

/** Status of one device, with class-specific fields. Contains no personal data. */
export const DeviceStatusSchema = z.object({
  device: DeviceClassSchema,
  /** Configured name, e.g. `idcard` or `receipt-1`. */
  name: z.string().max(64),
  state: DeviceStateSchema,
  simulated: z.boolean(),
  /** Printer paper state; absent for other classes. */
  paper: PaperStateSchema.optional(),
  coverOpen: z.boolean().optional(),
  /** Short English reason for technicians when not online, else null. */
  error: z.string().max(200).nullable(),
  /** ISO 8601 time of the last change. */
  updatedAt: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/* ------------------------------------------------------------- connectivity */

export const ConnectivityStateSchema = z.enum(['online', 'degraded', 'offline']);
export type ConnectivityState = z.infer<typeof ConnectivityStateSchema>;

export const ConnectivitySchema = z.object({
  state: ConnectivityStateSchema,
  /** Items waiting in the outbox. */
  pending: z.number().int().nonnegative(),
  /** ISO time of the last successful exchange with the platform, or null. */
  lastContactAt: z.string().nullable(),
});
export type Connectivity = z.infer<typeof ConnectivitySchema>;

/* ------------------------------------------------------------------ session */

export const CardTypeSchema = z.enum(['resident', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023']);
export type CardType = z.infer<typeof CardTypeSchema>;

/** What the renderer may know about the identified person: masked only. */
export const MaskedIdentitySchema = z.object({
  method: z.enum(['idcard', 'qr']),
  maskedName: z.string().max(64),
  maskedIdNumber: z.string().max(40).nullable(),
  cardType: CardTypeSchema.nullable(),
  expired: z.boolean(),
});
export type MaskedIdentity = z.infer<typeof MaskedIdentitySchema>;

export const SessionStageSchema = z.enum(['idle', 'reading', 'identified']);
export type SessionStage = z.infer<typeof SessionStageSchema>;

export const SessionViewSchema = z.object({
  /** Opaque id of the current session, null when idle. */
  sessionId: z.string().nullable(),
  stage: SessionStageSchema,
  identity: MaskedIdentitySchema.nullable(),
  /**
   * A card lies on the reader that opens no session by itself: `at-start`
   * (it was there when the terminal started), `after-session` (left behind
   * when the last session ended). A touch (`session.begin`) reads it; lifting
   * it clears this. Absent: no such card.
   */
  leftCard: z.enum(['at-start', 'after-session']).optional(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const IdentifyFailureSchema = z.object({
  code: z.enum(['read-failed', 'card-removed', 'invalid-card', 'device-error', 'qr-rejected', 'platform-unreachable']),
  /** English detail for logs; the renderer shows a translated message by code. */
  message: z.string().max(200),
});
export type IdentifyFailure = z.infer<typeof IdentifyFailureSchema>;

export const SessionEndReasonSchema = z.enum(['done', 'cancelled', 'idle']);

/** The person's own unmasked data, for the review step only. */
export const RevealedIdentitySchema = z.object({ name: z.string(), idNumber: z.string().nullable() });

/** The kiosk's languages: Simplified Chinese first, then Traditional Chinese, English and Uyghur. */
export const KioskLocaleSchema = z.enum(['zh-CN', 'zh-TW', 'en', 'ug']);
export type KioskLocale = z.infer<typeof KioskLocaleSchema>;

/* ---------------------------------------------------------------- catalogue */

export const ItemTypeSchema = z.enum(['行政许可', '行政确认', '行政给付', '行政征收', '公共服务', '行政裁决', '其他行政权力']);

export const ServiceSummarySchema = z.object({
  /** Basic code per GB/T 39554.1 (e.g. `XK00123001`) or the platform's item code. */
  code: z.string().min(1).max(64),
  name: z.string().max(200),
  department: z.string().max(100),
  category: z.string().max(100),
  itemType: z.string().max(40),
  /** True when the item can be completed offline (queued and sent later). */
  queueable: z.boolean(),
  /** What the person takes away. */
  output: z.enum(['receipt', 'certificate', 'none']),
  /** Fee in fen (1/100 yuan); 0 when free. */
  feeFen: z.number().int().nonnegative(),
  /**
   * `query`: the platform answers on the spot (社保查询, 公积金账户查询…): the
   * kiosk asks it (`queries.run`), shows and prints the answer, and writes
   * nothing to the outbox. Absent or `application`: an application that is
   * submitted. Optional: older platforms send none.
   */
  kind: z.enum(['application', 'query']).optional(),
  /**
   * True when someone may apply for this item on another person's behalf
   * (代办). Absent or false: only the person themselves (the kiosk neither
   * offers nor accepts it under a delegation). Optional: older platforms send none.
   */
  delegable: z.boolean().optional(),
  /** Name and department in the other kiosk languages, where the platform has them (see catalogue-text.ts). Absent: Chinese only. */
  i18n: SummaryI18nSchema.optional(),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;

export const MaterialSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(200),
  required: z.boolean(),
  /** Plain-language note, e.g. "原件，不收走". */
  note: z.string().max(500).nullable(),
  /** True when the platform already holds it as an e-licence (not asked again). */
  electronic: z.boolean(),
  /**
   * The platform accepts it captured at a terminal: `photo` (a portrait taken
   * there) or `scan` (a document photographed there). Absent or null: it is
   * brought on paper. A terminal that cannot capture asks for it at the window.
   */
  capture: z.enum(['photo', 'scan']).nullish(),
});

export const FormFieldSchema = z.object({
  id: z.string().max(64),
  label: z.string().max(100),
  kind: z.enum(['text', 'phone', 'number', 'date', 'select']),
  required: z.boolean(),
  options: z.array(z.string().max(100)).max(50).optional(),
  /** Filled from the identity in main/core, never from the renderer. */
  prefill: z.enum(['name', 'idNumber', 'address']).nullable(),
  maxLength: z.number().int().positive().max(500),
});
export type FormField = z.infer<typeof FormFieldSchema>;

export const ServiceDetailSchema = ServiceSummarySchema.extend({
  guide: z.object({
    summary: z.string().max(2000),
    whoCanApply: z.string().max(2000),
    timeLimit: z.string().max(200),
    resultDelivery: z.string().max(500),
    feeDescription: z.string().max(500),
    legalBasis: z.string().max(2000),
  }),
  materials: z.array(MaterialSchema).max(50),
  form: z.array(FormFieldSchema).max(40),
  lifeEvents: z.array(z.string().max(64)).max(20),
  /**
   * Everyday words people use for this item (生孩子, 丢了, 社保), for search.
   * Optional (older platforms send none); at most 20, each 1–20 characters.
   */
  keywords: z.array(z.string().min(1).max(20)).max(20).optional(),
  /**
   * Cases the platform handled for this entry over the last 12 months in its
   * region (办件量), for search ranking: among equally good matches the more
   * asked item comes first. Optional (older platforms send none: 0).
   */
  casesLastYear: z.number().int().nonnegative().optional(),
  /**
   * Administrative division code (GB/T 2260, six digits) of the office that
   * implements this entry of the catalogue (实施清单), e.g. `410102` for a
   * district; absent or null: the platform's own level (基本目录).
   */
  region: z.string().regex(/^\d{6}$/).nullish(),
  /** The basic item this entry implements locally (its code); absent or null: it is a basic item itself. */
  implements: z.string().max(64).nullish(),
  /**
   * Every text of the item in the other kiosk languages where the platform
   * has it (catalogue-text.ts): name, department, category, guide, materials
   * and form labels by id, options by their Chinese value. Optional (older
   * platforms send none); the Chinese fields stay the official text.
   */
  i18n: ItemI18nSchema.optional(),
});
export type ServiceDetail = z.infer<typeof ServiceDetailSchema>;

export const CatalogueSearchSchema = z.object({
  query: z.string().max(100).default(''),
  department: z.string().max(100).optional(),
  lifeEvent: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).default(0),
});

export const CatalogueSearchResultSchema = z.object({
  items: z.array(ServiceSummarySchema),
  total: z.number().int().nonnegative(),
  catalogueVersion: z.number().int().nonnegative(),
});

export const CatalogueOverviewSchema = z.object({
  catalogueVersion: z.number().int().nonnegative(),
  /** `name` is the Chinese name (the search filter); `i18n` its other languages where any item of it has them. */
  departments: z.array(z.object({ name: z.string(), count: z.number().int(), i18n: NameI18nSchema.optional() })),
  lifeEvents: z.array(z.object({ id: z.string(), name: z.string(), itemCodes: z.array(z.string()), i18n: NameI18nSchema.optional() })),
  popular: z.array(ServiceSummarySchema),
});

/* ------------------------------------------------------------- transactions */

export const FormValuesSchema = z.record(z.string().max(64), z.string().max(500));

export const MaterialProvidedSchema = z.object({ id: z.string().max(64), provided: z.boolean() });

export const SubmitRequestSchema = z.object({
  serviceCode: z.string().min(1).max(64),
  form: FormValuesSchema,
  materials: z.array(MaterialProvidedSchema).max(50).default([]),
});

export const PrecheckProblemSchema = z.object({
  target: z.enum(['field', 'material']),
  id: z.string(),
  problem: z.enum(['missing', 'invalid', 'too-long']),
});

export const PrecheckResultSchema = z.object({ ok: z.boolean(), problems: z.array(PrecheckProblemSchema) });

export const SubmitResultSchema = z.object({
  /** Idempotency key (UUIDv7), also the platform's id. */
  id: z.string(),
  /** Short human-readable receipt number printed on paper. */
  receiptNumber: z.string(),
  /** `delivered`: the platform acknowledged; `queued`: saved durably, will be sent automatically. */
  status: z.enum(['delivered', 'queued']),
  createdAt: z.string(),
});
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/**
 * A life-event bundle ("一件事一次办") applied with ONE combined form
 * (`mergeBundleForm` in common/domain/bundle-form.ts): `form` and `materials`
 * use the combined form's ids.
 */
export const BundleRequestSchema = z.object({
  /** The life event's id (CatalogueOverview.lifeEvents[].id). */
  bundleId: z.string().min(1).max(64),
  /** The chosen items, a subset of the life event's items, in its order. */
  itemCodes: z.array(z.string().min(1).max(64)).min(1).max(20),
  form: FormValuesSchema,
  materials: z.array(MaterialProvidedSchema).max(200).default([]),
});

/** A bundle pre-check problem: `id` is a combined id; `itemCode` names the item when the problem is specific to it, else null. */
export const BundlePrecheckProblemSchema = PrecheckProblemSchema.extend({ itemCode: z.string().nullable() });

export const BundlePrecheckResultSchema = z.object({ ok: z.boolean(), problems: z.array(BundlePrecheckProblemSchema) });

/** One item of a submitted bundle: a normal transaction of its own. */
export const BundleItemResultSchema = SubmitResultSchema.extend({ serviceCode: z.string(), serviceName: z.string() });

export const BundleSubmitResultSchema = z.object({
  bundleId: z.string(),
  /** Shared by every item (the `_bundleRef` data field the platform receives with each). */
  bundleRef: z.string(),
  items: z.array(BundleItemResultSchema),
});
export type BundleSubmitResult = z.infer<typeof BundleSubmitResultSchema>;

/* ------------------------------------------------------------------ queries */

/** A query item's request (`kind: 'query'`): the person's choices on its form; identity fields are filled by core. */
export const QueryRequestSchema = z.object({
  serviceCode: z.string().min(1).max(64),
  form: FormValuesSchema.default({}),
});

/** One line of a query answer as the screen shows it; `masked`: the value is hidden or shortened until the person asks (`queries.reveal`). */
export const QueryResultRowSchema = z.object({ label: z.string().max(40), value: z.string().max(200), masked: z.boolean() });

/**
 * The answer of a query, held by core for the session only (never in the
 * outbox). `queries.run` gives it masked for the public screen; `queries.reveal`
 * gives the same answer in full for the person.
 */
export const QueryResultSchema = z.object({
  /** This answer's id in the session (for reveal and print). */
  id: z.string().min(1).max(64),
  serviceCode: z.string().max(64),
  serviceName: z.string().max(200),
  title: z.string().max(100),
  /** When the platform answered (ISO 8601). */
  askedAt: z.string().max(40),
  sections: z.array(z.object({ heading: z.string().max(40), rows: z.array(QueryResultRowSchema).max(40) })).max(20),
  note: z.string().max(500),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

/* ------------------------------------------------------------------ printer */

export const PrintJobStateSchema = z.enum(['queued', 'printing', 'done', 'failed']);

export const PrintJobSchema = z.object({
  jobId: z.string(),
  /** `receipt` on the ESC/POS printer, `certificate` (A4 PDF from the platform) through the OS spooler. */
  kind: z.enum(['receipt', 'certificate']).default('receipt'),
  transactionId: z.string().nullable(),
  state: PrintJobStateSchema,
  /** Failure reason code when failed, e.g. `paper-out`, `cover-open`, `offline`. */
  reason: z.string().max(100).nullable(),
  /** 0..1 */
  progress: z.number().min(0).max(1),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

/* ------------------------------------------------------------------ payment */

/** A payment order for a fee (统一公共支付): the person scans `qrPayload` with a payment app. */
export const PaymentOrderSchema = z.object({
  paymentId: z.string().min(1).max(64),
  transactionId: z.string(),
  amountFen: z.number().int().positive(),
  /** Opaque payload to show as a QR code; never interpreted by the kiosk. */
  qrPayload: z.string().min(1).max(1024),
  /** ISO time after which the order expires. */
  expiresAt: z.string(),
});
export type PaymentOrder = z.infer<typeof PaymentOrderSchema>;

export const PaymentStatusSchema = z.object({
  paymentId: z.string(),
  status: z.enum(['pending', 'paid', 'expired', 'cancelled']),
});
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/* ------------------------------------------------------------------- rating */

/** 好差评 five levels, best first. */
export const RatingLevelSchema = z.enum(['very-satisfied', 'satisfied', 'basic', 'dissatisfied', 'very-dissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevelSchema>;

export const RatingRequestSchema = z
  .object({
    transactionId: z.string().nullable(),
    serviceCode: z.string().max(64),
    level: RatingLevelSchema,
    reason: z.string().max(500).nullable().default(null),
  })
  .refine((r) => !(r.level === 'dissatisfied' || r.level === 'very-dissatisfied') || (r.reason ?? '').trim().length > 0, {
    message: 'a reason is required for the two lowest levels',
    path: ['reason'],
  });

/* ------------------------------------------------------------------- system */

export const SiteThemeSchema = z.object({
  siteName: z.string().max(100),
  /**
   * The site name in the other kiosk languages (optional, each part too).
   * Where one is absent the screen shows `siteName`, or the translated product
   * title when `siteName` is the default (`DEFAULT_SITE_NAME`, site-name.ts). Receipts keep `siteName`.
   */
  siteNames: z
    .object({ 'zh-TW': z.string().min(1).max(100).optional(), en: z.string().min(1).max(100).optional(), ug: z.string().min(1).max(100).optional() })
    .strict()
    .optional(),
  partner: z.string().max(100).nullable(),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  logoUrl: z.string().max(500).nullable(),
  openingHours: z.string().max(200).nullable(),
  staffAssist: z.boolean(),
});

/**
 * The platform's remote configuration as the screen needs it
 * (docs/sync-protocol.md §3.6), applied between sessions: version, the
 * catalogue codes offered (null = all), opening periods (null = always),
 * languages offered (zh-CN always among them), voice on or off, the
 * maintenance window. Absent while the terminal runs on its local file.
 */
export const FleetSettingsSchema = z.object({
  configVersion: z.number().int().positive(),
  services: z.array(z.string().max(64)).max(500).nullable(),
  openingHours: z.array(z.object({ days: z.array(z.number().int().min(1).max(7)).max(7), open: z.string().max(5), close: z.string().max(5) })).max(14).nullable(),
  languages: z.array(KioskLocaleSchema).min(1).max(4),
  voice: z.boolean(),
  maintenanceWindow: z.object({ start: z.string().max(5), end: z.string().max(5) }),
});
export type FleetSettings = z.infer<typeof FleetSettingsSchema>;

export const SystemInfoSchema = z.object({
  version: z.string(),
  deviceId: z.string(),
  simulated: z.boolean(),
  idleTimeoutSeconds: z.number().int().positive(),
  countdownSeconds: z.number().int().positive(),
  defaultLocale: z.string(),
  theme: SiteThemeSchema,
  /** The platform's remote configuration (absent: none applied). Idle timeouts and theme above already include it. */
  fleet: FleetSettingsSchema.optional(),
});
export type SystemInfo = z.infer<typeof SystemInfoSchema>;

/**
 * Why the terminal is not open for citizens: the core is restarting
 * (`core-restarting`), the core crashed too often and staff have been told
 * (`crash-loop`), there is no catalogue to offer (`no-catalogue`, e.g. a
 * wrong platform address on a new terminal), the platform requires signed
 * requests and the terminal is not enrolled (or the platform does not know
 * it: `not-enrolled`, shown as 暂未开通服务), or the platform revoked the
 * terminal (`revoked`), or the platform took it out of service by a signed
 * command (`taken-out-of-service`, until it is brought back).
 */
export const OutOfServiceReasonSchema = z.enum(['core-restarting', 'crash-loop', 'no-catalogue', 'not-enrolled', 'revoked', 'key-storage-refused', 'taken-out-of-service', 'taken-out']);
export type OutOfServiceReason = z.infer<typeof OutOfServiceReasonSchema>;

/** Whether the terminal serves citizens now; `reason` is null exactly when `inService`. No personal data. */
export const ServiceStateSchema = z.object({ inService: z.boolean(), reason: OutOfServiceReasonSchema.nullable() });
export type ServiceState = z.infer<typeof ServiceStateSchema>;

/* -------------------------------------------------------------------- input */

/** Request of `input.candidates`: what the person typed on the on-screen pinyin keyboard (letters only, no tones). */
export const PinyinCandidatesRequestSchema = z.object({
  pinyin: z.string().min(1).max(40).regex(/^[a-z]+$/, 'lower-case letters a-z only'),
  limit: z.number().int().min(1).max(50).default(20),
});
export type PinyinCandidatesRequest = z.input<typeof PinyinCandidatesRequestSchema>;

/** One candidate: the Chinese text and the typed letters it consumes from the start of the input. */
export const PinyinCandidateSchema = z.object({
  text: z.string().min(1).max(10),
  pinyin: z.string().min(1).max(40),
});
export type PinyinCandidate = z.infer<typeof PinyinCandidateSchema>;

/** Result of `input.candidates`, most likely first; empty when the input cannot be read as pinyin. */
export const PinyinCandidatesResultSchema = z.object({ candidates: z.array(PinyinCandidateSchema).max(50) });
export type PinyinCandidatesResult = z.infer<typeof PinyinCandidatesResultSchema>;

/* -------------------------------------------------------------------- roles */

/** zod schema of a {@link ROLES} name (same rule as `isRole` in `roles.ts`). */
export const RoleSchema = z.enum(ROLES);

/* --------------------------------------------------------------- technician */

/** Outbox counts by state (numbers only: nothing of what the items hold). */
export const QueueCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  inFlight: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  needsAttention: z.number().int().nonnegative(),
  /** Age in whole seconds of the oldest undelivered item; 0 when nothing waits. */
  oldestPendingAgeSeconds: z.number().int().nonnegative(),
});
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

/**
 * Result of `technician.status` and payload of `technician.onStatusChanged`:
 * the terminal's health for the technician's screen, without any personal
 * data (no session, no identity, no transaction content).
 */
/**
 * What protects the data key at rest (the technician screen shows it):
 * `dpapi` Windows DPAPI (safeStorage), `tpm2` a systemd-creds credential
 * sealed by this terminal's TPM 2.0, `keyring` the desktop keyring
 * (libsecret / KWallet / macOS Keychain, through safeStorage),
 * `host-key-accepted` a systemd-creds host key without TPM and
 * `basic_text-accepted` safeStorage's fixed password (both opened by a copied
 * disk; accepted by the site configuration or in development), `key-file` a
 * 0600 file beside the database (plain-Node mode: browser mode, kioskctl).
 */
export const KeyProtectionSchema = z.enum(['dpapi', 'tpm2', 'keyring', 'host-key-accepted', 'basic_text-accepted', 'key-file']);
export type KeyProtection = z.infer<typeof KeyProtectionSchema>;

export const TechnicianStatusSchema = z.object({
  version: z.string().max(64),
  deviceId: z.string().max(64),
  devices: z.array(DeviceStatusSchema).max(32),
  connectivity: ConnectivityStateSchema,
  queue: QueueCountsSchema,
  /** What protects the data key at rest on this terminal. */
  keyProtection: KeyProtectionSchema,
  /** ISO 8601 time the summary was taken. */
  at: z.string(),
});
export type TechnicianStatus = z.infer<typeof TechnicianStatusSchema>;

/** Why a technician unlock was refused (`technicianAccess.unlock`). */
export const TechnicianRefusalSchema = z.enum(['malformed', 'signature-invalid', 'expired', 'other-site', 'pin-wrong', 'locked', 'not-enrolled']);
export type TechnicianRefusal = z.infer<typeof TechnicianRefusalSchema>;

/** A technician's unlock attempt: the credential token (from the QR, or typed for tests) and the PIN. */
export const TechnicianUnlockRequestSchema = z.object({
  credential: z.string().min(1).max(1500),
  pin: z.string().regex(/^\d{1,12}$/),
}).strict();

/** The lockout as the unlock screen shows it; `lockedUntil` null when attempts are open. */
export const TechnicianLockStateSchema = z.object({
  lockedUntil: z.string().datetime().nullable(),
  /** Failures left before the next lockout. */
  attemptsLeft: z.number().int().min(0),
}).strict();
export type TechnicianLockState = z.infer<typeof TechnicianLockStateSchema>;

/** The answer of `technicianAccess.unlock`: the technician's own id and name (never a citizen's data), or why not. */
export const TechnicianUnlockResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    technician: z.object({ id: z.string().max(64), name: z.string().max(40), expiresAt: z.string().datetime() }).strict(),
    /** The role granted: `technician`, or `staff` for a partner site's staff credential. */
    role: z.enum(['technician', 'staff']),
    /** Seconds without a technician call before the role lapses and the screen returns to attract. */
    idleTimeoutSeconds: z.number().int().positive(),
  }).strict(),
  z.object({ ok: z.literal(false), reason: TechnicianRefusalSchema, lock: TechnicianLockStateSchema }).strict(),
]);
export type TechnicianUnlockResult = z.infer<typeof TechnicianUnlockResultSchema>;

/** Outcome of the technician's test receipt. */
export const TechnicianTestPrintSchema = z.object({
  state: z.enum(['done', 'failed']),
  reason: z.string().max(40).nullable(),
  /** What was sent to the printer, as text (the screen's preview); absent from older cores. */
  preview: z.object({
    title: z.string().max(80),
    lines: z.array(z.object({ label: z.string().max(40), value: z.string().max(80) }).strict()).max(20),
    footer: z.string().max(120).nullable(),
  }).strict().optional(),
}).strict();

/** Outcome of the technician's "sync now". */
export const TechnicianSyncResultSchema = z.object({
  drained: z.boolean(),
  reachable: z.boolean(),
  sent: z.number().int().min(0),
  rejected: z.number().int().min(0),
}).strict();
