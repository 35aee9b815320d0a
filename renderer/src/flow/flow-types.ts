import type { z } from 'zod';
import type {
  CatalogueOverviewSchema,
  Connectivity,
  DeviceStatus,
  MaskedIdentity,
  PaymentOrder,
  PaymentStatus,
  PrecheckProblemSchema,
  PrintJob,
  QueryResult,
  RatingLevel,
  RevealedIdentitySchema,
  ServiceDetail,
  SessionView,
  SubmitResult,
  SystemInfo,
} from '../../../common/contract/schemas';
import type { BundleSubmitResult } from '../../../common/contract/schemas';
import type { CombinedForm } from '../../../common/domain/bundle-form';
import type { KioskErrorCode } from '../../../common/contract/errors';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { BootResult } from './boot';
import type { KeyProtection, KioskLocale } from '../../../common/contract/schemas';
import type { TechnicianRefusalView } from './technician-flow';
import type { DelegationRelation, DelegationView } from '../../../common/contract/delegation-schemas';

/** The catalogue overview shown on the home screen. */
export type CatalogueOverview = z.infer<typeof CatalogueOverviewSchema>;
/** One problem found by the pre-check; a bundle's problems may name the item (`itemCode`) they are specific to. */
export type PrecheckProblem = z.infer<typeof PrecheckProblemSchema> & { itemCode?: string | null };

/** A life-event bundle ("一件事一次办") being applied for with one combined form. */
export interface BundleFlow {
  /** The life event's id and name (CatalogueOverview.lifeEvents). */
  id: string;
  name: string;
  /** The name in the other kiosk languages, where the platform has it. */
  i18n?: CatalogueOverview['lifeEvents'][number]['i18n'];
  /** Codes of every item of the life event, in its order. */
  itemCodes: string[];
  /** The items' details once loaded (life-event order). */
  items: ServiceDetail[];
  /** Codes ticked on the bundle screen. */
  chosen: string[];
  /** The combined form of the chosen items (set when the form starts). */
  combined: CombinedForm | null;
  /** Per-item results once submitted. */
  result: BundleSubmitResult | null;
}
/** The person's own unmasked identity, held only while the review step shows it. */
export type RevealedIdentity = z.infer<typeof RevealedIdentitySchema>;

/** Why a session ended, as sent to `session.end`. */
export type EndReason = 'done' | 'cancelled' | 'idle';

/** Durations of the automatic steps, in milliseconds (overridable for tests). */
export interface FlowTiming {
  /** How long the welcome screen stays before home. Default 8000 (never by itself in care mode). */
  welcomeMs: number;
  /** How long the result (and "paid") screen stays before moving on. Default 8000 (never by itself in care mode). */
  resultMs: number;
  /** Pause after a finished print before the rating. Default 8000 (never by itself in care mode). */
  printDoneMs: number;
  /** How long the thanks screen stays before the session ends. Default 8000. */
  thanksMs: number;
  /** Interval between `payment.status` polls while the payment QR is shown. Default 2000. */
  paymentPollMs: number;
}

/**
 * Default {@link FlowTiming}: every screen that carries information stays at
 * least 8 s (with a visible countdown and a 继续 button), and in care mode
 * until the person moves on.
 */
export const DEFAULT_TIMING: FlowTiming = { welcomeMs: 8000, resultMs: 8000, printDoneMs: 8000, thanksMs: 8000, paymentPollMs: 2000 };

/** Everything the flow machine knows. Personal data here is masked, except `revealed` on the review step. */
export interface FlowContext {
  api: KioskApi;
  /** The start-up calls already under way when the machine started (see `FlowInput.boot`); null: the boot state makes them. */
  bootPreloaded: Promise<BootResult> | null;
  timing: FlowTiming;
  /** Care mode (长辈模式) is on: no information screen moves on by itself. */
  care: boolean;
  /** The language the person chose (the receipt repeats its key labels in it). */
  locale: KioskLocale;
  system: SystemInfo | null;
  /** Latest status per device name. */
  devices: Record<string, DeviceStatus>;
  connectivity: Connectivity['state'];
  pending: number;
  identity: MaskedIdentity | null;
  /** Whom the identified person applies for (代办), as the core reports it (principal masked); null: not asked yet. */
  delegation: DelegationView | null;
  /** A card on the reader that opens no session by itself (`SessionView.leftCard`); null: none. Not personal: kept across the wipe. */
  leftCard: 'at-start' | 'after-session' | null;
  /** Translated-by-code error of the identify step. */
  identifyError: string | null;
  /** Why the face check gave way to the alternative routes (shown there); null: the person chose them, or not there. */
  faceNotice: FaceNotice | null;
  overview: CatalogueOverview | null;
  /** What an attract tile asked to browse: the search text the home screen opens with; null: none. */
  browseQuery: string | null;
  /** Where to go on after identification when applying was asked for while browsing unidentified; null: home as usual. */
  resumeAfterIdentify: 'guide' | 'bundle' | null;
  serviceCode: string | null;
  service: ServiceDetail | null;
  /** Set on the bundle path (home → bundle → form …); null on the single-item path. */
  bundle: BundleFlow | null;
  /** Error code of the last failed request on the current screen, if any. */
  error: KioskErrorCode | null;
  form: Record<string, string>;
  materials: Record<string, boolean>;
  problems: PrecheckProblem[];
  revealed: RevealedIdentity | null;
  /** The answer of a query item, masked for the public screen (`queries.run`); null before one. */
  query: QueryResult | null;
  /** The same answer in full while the person has 显示 on; null otherwise. */
  queryRevealed: QueryResult | null;
  result: SubmitResult | null;
  printJob: PrintJob | null;
  /** The payment order being shown (fee items, after submit). */
  payment: PaymentOrder | null;
  /** Transaction ids whose fee is paid or left for later in this session (see `feeDues`). */
  settledFees: string[];
  /** Transaction ids whose certificate was printed or skipped in this session (see `certificateDues`). */
  settledCertificates: string[];
  /** The A4 certificate job, once started. */
  certificateJob: PrintJob | null;
  /** Why the certificate could not be printed (`network-offline`, `not-accepted`, `printer-offline`, `paper-out`, `not-certificate`, `unknown`). */
  certificateFailure: string | null;
  endReason: EndReason;
  /** The technician's own name and credential expiry while technician mode is unlocked; null otherwise (never a citizen's data). */
  /** Who unlocked and with which role (`staff`: a partner site's staff, shown the staff actions only). */
  technician: { name: string; expiresAt: string; role: 'technician' | 'staff' } | null;
  /** Why the last technician unlock was refused; null: none. */
  technicianRefusal: TechnicianRefusalView | null;
  /** What protects the data key at rest, from `technician.status` once the technician screen opens; null before it answered or after hand-back. */
  technicianKeyProtection: KeyProtection | null;
}

/** Why the face route ended in the alternatives: the camera went away, would not open, or the engine would not start. */
export type FaceNotice = 'cameraLost' | 'cameraFailed' | 'engineFailed';

/** Input of the flow machine. */
export interface FlowInput {
  api: KioskApi;
  timing?: Partial<FlowTiming>;
  /** The start-up calls, when the page entry started them before the app loaded (`loadBoot`); default: the boot state makes them. */
  boot?: Promise<BootResult>;
}

/** Events the flow machine accepts (from screens and from KioskApi events). */
export type FlowEvent =
  | { type: 'START' }
  /** An attract tile: browse its category (guides need no identification). */
  | { type: 'BROWSE'; category: string }
  | { type: 'QR_SUBMIT'; payload: string }
  | { type: 'CONTINUE' }
  | { type: 'BACK' }
  | { type: 'HOME' }
  | { type: 'CANCEL' }
  /** Ends a session whose application is already saved (the 结束 button after a submission): reason `done`. */
  | { type: 'FINISH' }
  | { type: 'IDLE_EXPIRED' }
  | { type: 'RETRY' }
  | { type: 'SELECT_SERVICE'; code: string }
  | { type: 'SELECT_BUNDLE'; id: string }
  | { type: 'BUNDLE_ITEM_TOGGLED'; code: string; chosen: boolean }
  | { type: 'START_APPLICATION' }
  | { type: 'FIELD_CHANGED'; id: string; value: string }
  | { type: 'MATERIAL_TOGGLED'; id: string; provided: boolean }
  | { type: 'PRECHECK' }
  | { type: 'REVEAL_TOGGLE' }
  /** A dialog opened over the screen: any revealed personal data is hidden again. */
  | { type: 'CONCEAL' }
  | { type: 'SUBMIT' }
  | { type: 'PAY_LATER' }
  | { type: 'CANCEL_PAYMENT' }
  | { type: 'PAYMENT_STATUS'; status: PaymentStatus['status'] }
  /** Print the query answer on the receipt printer. */
  | { type: 'PRINT_QUERY' }
  | { type: 'PRINT_CERTIFICATE' }
  | { type: 'SKIP_CERTIFICATE' }
  | { type: 'REPRINT' }
  | { type: 'SKIP_PRINT' }
  | { type: 'SUBMIT_RATING'; level: RatingLevel; reason: string }
  | { type: 'SKIP_RATING' }
  | { type: 'DONE' }
  | { type: 'SESSION_CHANGED'; session: SessionView }
  | { type: 'IDENTIFY_FAILED'; code: string }
  /** The consent screen of the face check: agreed, or declined (the alternative routes). */
  | { type: 'FACE_CONSENT' }
  | { type: 'FACE_DECLINE' }
  /** The face capture gave way to the alternatives: the person asked for them (no notice), or the camera or engine failed. */
  | { type: 'FACE_ALTERNATIVE'; notice?: FaceNotice }
  | { type: 'DEVICE_CHANGED'; status: DeviceStatus }
  | { type: 'CONNECTIVITY_CHANGED'; connectivity: Connectivity }
  | { type: 'PRINT_JOB_CHANGED'; job: PrintJob }
  | { type: 'CATALOGUE_UPDATED' }
  | { type: 'CARE_CHANGED'; care: boolean }
  | { type: 'LOCALE_CHANGED'; locale: KioskLocale }
  /** The long press on the attract screen's corner: the technician unlock screen. */
  | { type: 'TECHNICIAN_OPEN' }
  | { type: 'TECHNICIAN_UNLOCK'; credential: string; pin: string }
  /** 为家人/他人办理 on the welcome screen. */
  | { type: 'DELEGATE_START' }
  /** How the principal is identified. */
  | { type: 'DELEGATE_ROUTE'; route: 'card' | 'authorisation' | 'guardian' }
  /** The guardian route's child ID number and household relation. */
  | { type: 'GUARDIAN_SUBMIT'; childIdNumber: string; relation: 'parent' | 'other-relative' }
  | { type: 'RELATION_CHOSEN'; relation: DelegationRelation }
  /** Back to applying for oneself. */
  | { type: 'DELEGATE_STOP' }
  | { type: 'DELEGATION_CHANGED'; delegation: DelegationView }
  /** 交还: the technician role is locked again and the terminal returns to attract, in service. */
  | { type: 'HAND_BACK' };
