import { z } from 'zod';
import { defineContract, event, method, service, type ApiOf, type ImplementationOf, type ServicesOfRole } from './define';
import {
  BundlePrecheckResultSchema,
  BundleRequestSchema,
  BundleSubmitResultSchema,
  CatalogueOverviewSchema,
  CatalogueSearchResultSchema,
  CatalogueSearchSchema,
  ConnectivitySchema,
  DeviceStatusSchema,
  EmptySchema,
  PaymentOrderSchema,
  PaymentStatusSchema,
  PinyinCandidatesRequestSchema,
  PinyinCandidatesResultSchema,
  IdentifyFailureSchema,
  KioskLocaleSchema,
  PrecheckResultSchema,
  PrintJobSchema,
  QueryRequestSchema,
  QueryResultSchema,
  RatingRequestSchema,
  RevealedIdentitySchema,
  ServiceDetailSchema,
  SessionEndReasonSchema,
  SessionViewSchema,
  SubmitRequestSchema,
  SubmitResultSchema,
  ServiceStateSchema,
  SystemInfoSchema,
  TechnicianLockStateSchema,
  TechnicianSyncResultSchema,
  TechnicianTestPrintSchema,
  TechnicianUnlockRequestSchema,
  TechnicianUnlockResultSchema,
  TechnicianStatusSchema,
} from './schemas';
import {
  DelegationAuthorisationSchema,
  DelegationGuardianSchema,
  DelegationRelationRequestSchema,
  DelegationStartSchema,
  DelegationViewSchema,
} from './delegation-schemas';
import {
  AssignDeviceRequestSchema,
  AssignDeviceResultSchema,
  AttentionItemSchema,
  DeviceTestWaitSchema,
  DiscoveredDevicesSchema,
  ExportAttentionResultSchema,
  JournalledJobSchema,
  LogLineSchema,
  LogsRequestSchema,
  NetworkTestResultSchema,
  RetryAttentionResultSchema,
  SiteConfigViewSchema,
  StaffServiceChangeSchema,
  TechnicianA4TestSchema,
  TechnicianCardTestSchema,
  TechnicianScanTestSchema,
  TerminalEnrolRequestSchema,
  TerminalEnrolResultSchema,
  VouchResultSchema,
} from './technician-schemas';

/**
 * The KioskApi contract: every request the renderer can make of main and every
 * event main pushes. Methods are requests; `onX` members are events. Both
 * transports (Electron IPC and the loopback WebSocket) carry exactly this.
 * Each service is declared with the role that may use it (`service(role, …)`).
 */
export const kioskContract = defineContract({
  system: service('citizen', {
    info: method(EmptySchema, SystemInfoSchema),
    /** The renderer is mounted and listening; main may flush held events. */
    rendererReady: method(EmptySchema, z.object({ ok: z.literal(true) })),
    /** The person asked for staff help: recorded and reported to the platform (no personal data). */
    requestStaff: method(z.object({ screen: z.string().max(40) }), z.object({ ok: z.literal(true) })),
    /** The person touched the screen or pressed a key (sent at most every few seconds): feeds the shell's idle rule. No personal data. */
    touched: method(z.object({ screen: z.string().max(40) }), z.object({ ok: z.literal(true) })),
    /**
     * Whether the terminal is open for citizens. The core answers
     * `no-catalogue` when it has nothing to offer; while the core is down the
     * shell answers `core-restarting` or `crash-loop` itself.
     */
    serviceState: method(EmptySchema, ServiceStateSchema),
    /** The service state changed (raised by the core, or by the shell when the core goes down or comes back). */
    onServiceState: event(ServiceStateSchema),
    /** `info` changed: a remote configuration was applied (always between sessions); the page takes it on its attract screen. */
    onInfoChanged: event(SystemInfoSchema),
  }),
  session: service('citizen', {
    current: method(EmptySchema, SessionViewSchema),
    /**
     * The person touched the screen to start: a card left on the reader
     * (`leftCard`) is read now and opens the session; otherwise nothing
     * changes. Returns the view.
     */
    begin: method(EmptySchema, SessionViewSchema),
    /** Identify with an e-ID / one-code-pass QR payload captured by keyboard wedge. */
    identifyByQr: method(z.object({ payload: z.string().min(1).max(2048) }), SessionViewSchema),
    /** The person's own unmasked data for the review step; `no-session` when nobody is identified. */
    reveal: method(EmptySchema, RevealedIdentitySchema),
    /** Ends the session and wipes everything personal in main. */
    end: method(z.object({ reason: SessionEndReasonSchema }), SessionViewSchema),
    onChanged: event(SessionViewSchema),
    onIdentifyFailed: event(IdentifyFailureSchema),
  }),
  /**
   * Acting for another person (代办), after the agent identified themselves.
   * Every refusal is in the answered view (`refusal`), never an error; the
   * principal is masked. The wipe at session end clears it.
   */
  delegation: service('citizen', {
    current: method(EmptySchema, DelegationViewSchema),
    /**
     * Expects the principal: `card`, their ID card on the reader (the agent's
     * card may be lifted; the next card read is the principal's), or
     * `authorisation`, the QR their phone shows (scanned, or sent with
     * `useAuthorisation`). `no-session` when nobody is identified.
     */
    start: method(DelegationStartSchema, DelegationViewSchema),
    /** The authorisation QR's text, checked by the platform (agent, expiry, signature). */
    useAuthorisation: method(DelegationAuthorisationSchema, DelegationViewSchema),
    /** A guardian for a child under 14: the child's ID number and the household relation, checked by the platform. */
    checkGuardian: method(DelegationGuardianSchema, DelegationViewSchema),
    /** The agent's relation to the principal (card and authorisation routes; the guardian route states it with the check). */
    setRelation: method(DelegationRelationRequestSchema, DelegationViewSchema),
    /** Back to acting for oneself: the principal is forgotten. */
    stop: method(EmptySchema, DelegationViewSchema),
    onChanged: event(DelegationViewSchema),
  }),
  catalogue: service('citizen', {
    overview: method(EmptySchema, CatalogueOverviewSchema),
    search: method(CatalogueSearchSchema, CatalogueSearchResultSchema),
    get: method(z.object({ code: z.string().min(1).max(64) }), ServiceDetailSchema),
    onUpdated: event(z.object({ catalogueVersion: z.number().int().nonnegative() })),
  }),
  transactions: service('citizen', {
    precheck: method(SubmitRequestSchema, PrecheckResultSchema),
    /** Writes the transaction and its outbox row durably before resolving. */
    submit: method(SubmitRequestSchema, SubmitResultSchema),
    /** Pre-checks a life-event bundle's combined form against every chosen item; all problems in one list. */
    precheckBundle: method(BundleRequestSchema, BundlePrecheckResultSchema),
    /** Writes every chosen item of the bundle (all or nothing) before resolving; per-item delivered/queued. */
    submitBundle: method(BundleRequestSchema, BundleSubmitResultSchema),
  }),
  queries: service('citizen', {
    /**
     * Asks the platform a query item (`kind: 'query'`) for the identified
     * person and answers it masked for the public screen. Needs the platform
     * (`platform-unreachable` otherwise); writes nothing to the outbox.
     */
    run: method(QueryRequestSchema, QueryResultSchema),
    /** The same answer in full, for the person (the 显示 button); `not-found` once the session ended. */
    reveal: method(z.object({ id: z.string().min(1).max(64) }), QueryResultSchema),
  }),
  printer: service('citizen', {
    /** Prints the receipt of a transaction of this session; `locale` (optional) the session's language, whose key labels the receipt repeats under the Chinese (the official record). */
    printReceipt: method(z.object({ transactionId: z.string().min(1).max(64), locale: KioskLocaleSchema.optional() }), PrintJobSchema),
    reprint: method(z.object({ jobId: z.string().min(1).max(64) }), PrintJobSchema),
    /** Fetches the certificate / e-licence PDF for a delivered transaction and prints it on A4; needs the platform. */
    printCertificate: method(z.object({ transactionId: z.string().min(1).max(64) }), PrintJobSchema),
    /** Prints a query answer of this session on the receipt printer (identifiers masked, amounts in full); the job has no transaction. */
    printQueryResult: method(z.object({ queryId: z.string().min(1).max(64) }), PrintJobSchema),
    onJobChanged: event(PrintJobSchema),
  }),
  payment: service('citizen', {
    /** Creates a payment order for the fee of a transaction submitted in this session; needs the platform. */
    create: method(z.object({ transactionId: z.string().min(1).max(64) }), PaymentOrderSchema),
    /** Current state of an order (the renderer polls it while the QR code is shown). */
    status: method(z.object({ paymentId: z.string().min(1).max(64) }), PaymentStatusSchema),
    cancel: method(z.object({ paymentId: z.string().min(1).max(64) }), PaymentStatusSchema),
  }),
  rating: service('citizen', {
    submit: method(RatingRequestSchema, z.object({ id: z.string() })),
  }),
  devices: service('citizen', {
    list: method(EmptySchema, z.array(DeviceStatusSchema)),
    onStatusChanged: event(DeviceStatusSchema),
  }),
  connectivity: service('citizen', {
    status: method(EmptySchema, ConnectivitySchema),
    onChanged: event(ConnectivitySchema),
  }),
  input: service('citizen', {
    /** Candidates of the on-screen pinyin input method (offline, from main: the renderer carries no dictionary). */
    candidates: method(PinyinCandidatesRequestSchema, PinyinCandidatesResultSchema),
  }),
  /**
   * The field technician's maintenance services: refused with `forbidden`
   * (and their events withheld) on every connection the host has not granted
   * the `technician` role. No personal data in any of them.
   */
  /**
   * The way into technician mode (role `citizen`: it is what an unlocked
   * connection does not yet have). `unlock` checks the credential offline
   * against the platform key and the PIN; on success the core grants the
   * `technician` role to THIS connection only. Five refusals lock it for 1,
   * 2, 4, 8… minutes (kept in the store). Every attempt is audited.
   */
  technicianAccess: service('citizen', {
    unlock: method(TechnicianUnlockRequestSchema, TechnicianUnlockResultSchema),
    lockState: method(EmptySchema, TechnicianLockStateSchema),
  }),
  technician: service('technician', {
    /** Version, device states, connectivity and outbox counts. */
    status: method(EmptySchema, TechnicianStatusSchema),
    /** Prints the test page (no personal data) on the receipt printer, and answers its text preview; audited. */
    printTestReceipt: method(EmptySchema, TechnicianTestPrintSchema),
    /** Waits up to `waitSeconds` for a card on the reader and reads it; answers masked fields only (no citizen session opens meanwhile); audited. */
    testCard: method(DeviceTestWaitSchema, TechnicianCardTestSchema),
    /** Waits up to `waitSeconds` for a scan; answers the payload's type, length and a masked form; audited. */
    testScan: method(DeviceTestWaitSchema, TechnicianScanTestSchema),
    /** Prints the A4 test page through the configured spooler (CUPS over IPP, or the OS host); audited. */
    printTestA4: method(EmptySchema, TechnicianA4TestSchema),
    /** Serial ports and HID devices the operating system lists now, and the role assignments in force. */
    discoverDevices: method(EmptySchema, DiscoveredDevicesSchema),
    /** Assigns a listed serial port (its path and USB ids) to a device role; kept in kiosk.db, applied at the next start; audited. */
    assignDevice: method(AssignDeviceRequestSchema, AssignDeviceResultSchema),
    /** Outbox items the platform rejected (or that cannot be read), oldest first: ids and reasons only. */
    attention: method(EmptySchema, z.array(AttentionItemSchema).max(500)),
    /** Puts one item needing attention back in the queue (same id; the platform dedupes); audited. */
    retryAttention: method(z.object({ id: z.string().min(1).max(64) }).strict(), RetryAttentionResultSchema),
    /** Writes every item needing attention to a 0600 file in the data dir, contents sealed to the platform key; audited. */
    exportAttention: method(EmptySchema, ExportAttentionResultSchema),
    /** Journalled receipt jobs that did not finish (failed, or cut off by a crash), which can be printed again. */
    printJobs: method(EmptySchema, z.array(JournalledJobSchema).max(200)),
    /** Prints a journalled receipt job again, whichever session it was of (the technician's own screen); audited. */
    reprintJob: method(z.object({ jobId: z.string().min(1).max(64) }).strict(), PrintJobSchema),
    /** DNS, TLS, platform time and a signed ping, each with its outcome and time. */
    networkTest: method(EmptySchema, NetworkTestResultSchema),
    /** Enrols the terminal with a one-time code (as `kioskctl enrol`); the enrolment applies at the next start; audited. */
    enrol: method(TerminalEnrolRequestSchema, TerminalEnrolResultSchema),
    /** The terminal's configuration without keys or tokens. */
    siteConfig: method(EmptySchema, SiteConfigViewSchema),
    /** The latest log lines: time, level, part and event only. */
    logs: method(LogsRequestSchema, z.array(LogLineSchema).max(200)),
    /** One sync pass now; audited. */
    syncNow: method(EmptySchema, TechnicianSyncResultSchema),
    /** Locks the technician role again on this connection (the terminal is left in service); audited. */
    handBack: method(EmptySchema, z.object({ ok: z.literal(true) }).strict()),
    /** A fresh status whenever a device state or the connectivity changes. */
    onStatusChanged: event(TechnicianStatusSchema),
  }),
  /**
   * Staff of a partner site (role `staff`, granted by a staff credential at
   * `technicianAccess.unlock`): the few things a person who vouches needs.
   * No technician service is open to this role.
   */
  staff: service('staff', {
    /** Confirms the identified person is the one present (staff-assisted identity check); `no-session` when nobody is identified; audited. */
    vouchIdentity: method(EmptySchema, VouchResultSchema),
    /** Reprints a receipt of the current session only (the person present); `forbidden` for any other; audited. */
    reprintForPresent: method(z.object({ jobId: z.string().min(1).max(64) }).strict(), PrintJobSchema),
    /** Takes the terminal out of service (reason `taken-out`, kept across restarts); audited. */
    takeOutOfService: method(EmptySchema, StaffServiceChangeSchema),
    /** Puts a terminal taken out by staff back into service; audited. */
    backIntoService: method(EmptySchema, StaffServiceChangeSchema),
    /** Ends the staff visit on this connection; audited. */
    handBack: method(EmptySchema, z.object({ ok: z.literal(true) }).strict()),
  }),
});

export type KioskContract = typeof kioskContract;

/** What the renderer sees as `window.kiosk` (or the WebSocket client): the same type on both transports. */
export type KioskApi = ApiOf<KioskContract>;

/** Services a citizen connection may use (every connection holds `citizen`). */
export type CitizenServices = ServicesOfRole<KioskContract, 'citizen'>;

/** Services that need the `technician` role granted by the host. */
export type TechnicianServices = ServicesOfRole<KioskContract, 'technician'>;

/** Services that need the `staff` role granted by the host. */
export type StaffServices = ServicesOfRole<KioskContract, 'staff'>;

/** What `main/core` implements. */
export type KioskImplementation = ImplementationOf<KioskContract>;
