import { z } from 'zod';
import { OutOfServiceReasonSchema, PrintJobStateSchema } from './schemas';

/*
 * Schemas of the technician's maintenance screens and of the partner-site
 * staff role (`technician.*`, `staff.*` in kiosk-contract.ts). Nothing here
 * carries a citizen's personal data in clear: card fields and scanned
 * payloads are masked by the core before they are sent.
 */

/** Seconds the card and scan tests wait for the technician to present a card or a code: 1–60, default 20. */
export const DeviceTestWaitSchema = z.object({ waitSeconds: z.number().int().min(1).max(60).default(20) }).strict();

/** One field of a test card as the technician screen shows it: label and masked value. */
export const MaskedFieldSchema = z.object({ label: z.string().max(20), value: z.string().max(80) }).strict();

/** `technician.testCard`: a card was read (masked fields only), none came in time, or the reader failed (error kind). */
export const TechnicianCardTestSchema = z.object({
  state: z.enum(['read', 'no-card', 'failed']),
  /** `DeviceError` kind (e.g. `DeviceTimeout`, `NoMedia`) or `offline` when no reader is attached; null when read. */
  reason: z.string().max(40).nullable(),
  fields: z.array(MaskedFieldSchema).max(8),
  /** How long the read took, ms (from the call). */
  elapsedMs: z.number().int().nonnegative(),
}).strict();
export type TechnicianCardTest = z.infer<typeof TechnicianCardTestSchema>;

/** What kind of payload a scan carried (the payload itself is never sent in clear). */
export const ScanPayloadTypeSchema = z.enum(['url', 'digits', 'id-number', 'text']);
export type ScanPayloadType = z.infer<typeof ScanPayloadTypeSchema>;

/** `technician.testScan`: a code was scanned (type, length, masked), none came in time, or no scanner is attached. */
export const TechnicianScanTestSchema = z.object({
  state: z.enum(['scanned', 'no-scan', 'failed']),
  reason: z.string().max(40).nullable(),
  payloadType: ScanPayloadTypeSchema.nullable(),
  /** Length in characters. */
  length: z.number().int().nonnegative(),
  /** At most the first two and last two characters, the rest `*`. */
  masked: z.string().max(40).nullable(),
  elapsedMs: z.number().int().nonnegative(),
}).strict();
export type TechnicianScanTest = z.infer<typeof TechnicianScanTestSchema>;

/** `technician.printTestA4`: the A4 test page through the spooler (CUPS), with the spooler's job id. */
export const TechnicianA4TestSchema = z.object({
  state: z.enum(['done', 'failed']),
  /** `A4FailureReason`, a `DeviceError` kind, or `offline` when no A4 printer is configured; null when done. */
  reason: z.string().max(40).nullable(),
  jobId: z.number().int().nullable(),
  elapsedMs: z.number().int().nonnegative(),
}).strict();
export type TechnicianA4Test = z.infer<typeof TechnicianA4TestSchema>;

/** The device roles a discovered device can be assigned to. */
export const DeviceRoleSchema = z.enum(['idcard', 'receiptPrinter', 'scanner']);
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

const HexId = z.string().regex(/^[0-9a-fA-F]{4}$/);

/** A serial port the operating system lists now. */
export const DiscoveredSerialSchema = z.object({
  path: z.string().max(200),
  vendorId: HexId.nullable(),
  productId: HexId.nullable(),
  serialNumber: z.string().max(128).nullable(),
  manufacturer: z.string().max(120).nullable(),
}).strict();
export type DiscoveredSerial = z.infer<typeof DiscoveredSerialSchema>;

/** A HID device the operating system lists now. */
export const DiscoveredHidSchema = z.object({
  vendorId: HexId,
  productId: HexId,
  product: z.string().max(120).nullable(),
  usagePage: z.number().int().nullable(),
}).strict();

/** A device assigned to a role on this terminal (kept in kiosk.db, applied at the next start). */
export const DeviceAssignmentSchema = z.object({
  role: DeviceRoleSchema,
  port: z.string().min(1).max(200),
  vendorId: HexId.nullable(),
  productId: HexId.nullable(),
  serialNumber: z.string().max(128).nullable(),
  /** Technician id of who assigned it, and when (ISO 8601). */
  by: z.string().max(64),
  at: z.string(),
}).strict();
export type DeviceAssignment = z.infer<typeof DeviceAssignmentSchema>;

/** `technician.discoverDevices`: what is attached, and the assignments in force. */
export const DiscoveredDevicesSchema = z.object({
  serial: z.array(DiscoveredSerialSchema).max(64),
  hid: z.array(DiscoveredHidSchema).max(64),
  assignments: z.array(DeviceAssignmentSchema).max(3),
}).strict();
export type DiscoveredDevices = z.infer<typeof DiscoveredDevicesSchema>;

/** `technician.assignDevice`: a listed serial port (by path) for a role. */
export const AssignDeviceRequestSchema = z.object({ role: DeviceRoleSchema, path: z.string().min(1).max(200) }).strict();

/** Answer of `technician.assignDevice`; the assignment applies when the core next starts. */
export const AssignDeviceResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), assignment: DeviceAssignmentSchema, appliesAtRestart: z.literal(true) }).strict(),
  z.object({ ok: z.literal(false), reason: z.enum(['not-listed']) }).strict(),
]);

/** One outbox item needing attention (ids, kind, reason; never its content). */
export const AttentionItemSchema = z.object({
  id: z.string().max(64),
  seq: z.number().int(),
  kind: z.string().max(20),
  reason: z.string().max(200),
  createdAt: z.string(),
}).strict();
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

/** Answer of `technician.retryAttention` (the same outcomes as `kioskctl queue retry`). */
export const RetryAttentionResultSchema = z.object({ outcome: z.enum(['retried', 'not-found', 'unreadable']) }).strict();

/** Answer of `technician.exportAttention`: the file written (0600) with each item's content sealed to the platform key. */
export const ExportAttentionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: z.string().max(300), items: z.number().int().nonnegative(), recipientFingerprint: z.string().max(128) }).strict(),
  z.object({ ok: z.literal(false), reason: z.enum(['no-platform-key', 'write-failed']) }).strict(),
]);

/** One journalled receipt job that can be printed again (no document content). */
export const JournalledJobSchema = z.object({
  jobId: z.string().max(64),
  state: PrintJobStateSchema,
  reason: z.string().max(100).nullable(),
  createdAt: z.string(),
}).strict();

/** The steps of `technician.networkTest`, in order. */
export const NetworkStepNameSchema = z.enum(['dns', 'tls', 'platform-time', 'signed-ping']);

/** One step of the network test: outcome, time taken and a short technical detail (no secret). */
export const NetworkStepSchema = z.object({
  step: NetworkStepNameSchema,
  outcome: z.enum(['ok', 'failed', 'skipped']),
  ms: z.number().int().nonnegative(),
  detail: z.string().max(200),
}).strict();
export type NetworkStep = z.infer<typeof NetworkStepSchema>;

export const NetworkTestResultSchema = z.object({ steps: z.array(NetworkStepSchema).length(4) }).strict();
export type NetworkTestResult = z.infer<typeof NetworkTestResultSchema>;

/** `technician.enrol`: the one-time enrolment code as the platform issued it. */
export const TerminalEnrolRequestSchema = z.object({ code: z.string().trim().min(4).max(64).regex(/^[A-Za-z0-9-]+$/) }).strict();

/** Answer of `technician.enrol`; the new enrolment is used from the next start of the core. */
export const TerminalEnrolResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), deviceId: z.string().max(64), siteId: z.string().max(64), algorithm: z.string().max(32), restartNeeded: z.literal(true) }).strict(),
  z.object({ ok: z.literal(false), reason: z.string().max(60) }).strict(),
]);

/** `technician.siteConfig`: the terminal's configuration as a technician may see it (no key, no token). */
export const SiteConfigViewSchema = z.object({
  siteName: z.string().max(80),
  siteId: z.string().max(64).nullable(),
  deviceId: z.string().max(64),
  region: z.string().max(12).nullable(),
  platformUrl: z.string().max(300),
  defaultLocale: z.string().max(8),
  timeZone: z.string().max(64),
  idleTimeoutSeconds: z.number().int(),
  technicianIdleSeconds: z.number().int(),
  devices: z.array(z.object({ role: z.string().max(20), mode: z.string().max(10), where: z.string().max(300).nullable() }).strict()).max(8),
}).strict();
export type SiteConfigView = z.infer<typeof SiteConfigViewSchema>;

/** `technician.logs`: how many of the latest lines, 1–200 (default 50). */
export const LogsRequestSchema = z.object({ lines: z.number().int().min(1).max(200).default(50) }).strict();

/** One log line as the technician screen shows it: time, level, part and event name only (never the fields). */
export const LogLineSchema = z.object({
  time: z.string().max(40),
  level: z.string().max(8),
  part: z.string().max(20),
  event: z.string().max(80),
}).strict();
export type LogLine = z.infer<typeof LogLineSchema>;

/* -------------------------------------------------------------------- staff */

/** `staff.vouchIdentity`: a staff member confirms that the identified person is the one present. */
export const VouchResultSchema = z.object({ ok: z.literal(true), sessionId: z.string().max(64) }).strict();

/** `staff.takeOutOfService` / `staff.backIntoService`: the service state after the change. */
export const StaffServiceChangeSchema = z.object({ inService: z.boolean(), reason: OutOfServiceReasonSchema.nullable() }).strict();
