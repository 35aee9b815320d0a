import { assign, fromCallback, fromPromise, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type {
  PaymentOrder,
  PaymentStatus,
  PrintJob,
  ServiceDetail,
  SessionView,
  SubmitResult,
  BundleSubmitResult,
} from '../../../common/contract/schemas';
import { stopAllCameraStreams } from '../media/camera-registry';
import {
  DEFAULT_TIMING,
  type CatalogueOverview,
  type EndReason,
  type FlowContext,
  type FlowEvent,
  type FlowInput,
  type PrecheckProblem,
  type RevealedIdentity,
} from './flow-types';
import { loadBoot, type BootResult } from './boot';
import { errorCodeOf, isServiceAvailable } from './selectors';
import { bundleRequest, canStartBundle, summaryResult, withCombinedForm, withItems } from './bundle';
import { certificateProgress, feeProgress } from './dues';

const PRINT_RANK: Record<PrintJob['state'], number> = { queued: 0, printing: 1, done: 2, failed: 2 };

/** Maps an error thrown by `printer.printReceipt` to a print-failure reason the person can act on. */
function printFailureReason(error: unknown): string {
  const code = errorCodeOf(error);
  if (code === 'paper-out') return 'paper-out';
  if (code === 'device-offline') return 'offline';
  return 'unknown';
}

/** Maps an error of `printer.printCertificate`, or a failed certificate job's reason, to what the person is told. */
function certificateFailure(code: string, connectivity: FlowContext['connectivity']): string {
  if (code === 'platform-unreachable') return connectivity === 'offline' ? 'network-offline' : 'not-accepted';
  if (code === 'device-offline' || code === 'offline') return 'printer-offline';
  if (code === 'paper-out') return 'paper-out';
  if (code === 'invalid-payload') return 'not-certificate';
  return 'unknown';
}

/** The request sent to pre-check and submit, built from what the person entered. */
function submitRequest(context: FlowContext): { serviceCode: string; form: Record<string, string>; materials: { id: string; provided: boolean }[] } {
  return {
    serviceCode: context.serviceCode ?? '',
    form: { ...context.form },
    materials: Object.entries(context.materials).map(([id, provided]) => ({ id, provided })),
  };
}

/** Everything personal (and per-person) cleared; device, network, system and catalogue state kept. */
const PERSONAL_RESET = {
  identity: null,
  identifyError: null,
  serviceCode: null,
  service: null,
  bundle: null,
  error: null,
  form: {},
  materials: {},
  problems: [],
  revealed: null,
  result: null,
  printJob: null,
  payment: null,
  settledFees: [],
  settledCertificates: [],
  certificateJob: null,
  certificateFailure: null,
} satisfies Partial<FlowContext>;

/** Out of a paid fee: the next fee's order, or the receipt when none is left. */
const nextFee = () => [
  { guard: 'anotherFeeDue' as const, target: 'creating', actions: 'settleFee' as const },
  { target: '#kiosk.session.printing', actions: 'settleFee' as const },
];
/** Out of a printed certificate: the next certificate's offer, or the rating when none is left. */
const nextCertificate = () => [
  { guard: 'anotherCertificateDue' as const, target: 'offer', actions: 'settleCertificate' as const },
  { target: '#kiosk.session.rating', actions: 'settleCertificate' as const },
];

/**
 * The citizen flow as an XState v5 machine: attract → identify → welcome →
 * home → guide → form → pre-check → confirm → (payment) → submitting → result
 * → printing → rating → thanks → ending → attract. Cancel, idle time-out,
 * device and network changes are transitions. All side effects go through the
 * {@link KioskApi} given as input, so the machine runs in Node against a fake.
 */
export const kioskMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  actors: {
    boot: fromPromise<BootResult, { api: KioskApi; preloaded: Promise<BootResult> | null }>(({ input }) => input.preloaded ?? loadBoot(input.api)),
    apiEvents: fromCallback<FlowEvent, { api: KioskApi }>(({ sendBack, input }) => {
      const { api } = input;
      const offs = [
        api.session.onChanged((session) => sendBack({ type: 'SESSION_CHANGED', session })),
        api.session.onIdentifyFailed((failure) => sendBack({ type: 'IDENTIFY_FAILED', code: failure.code })),
        api.devices.onStatusChanged((status) => sendBack({ type: 'DEVICE_CHANGED', status })),
        api.connectivity.onChanged((connectivity) => sendBack({ type: 'CONNECTIVITY_CHANGED', connectivity })),
        api.printer.onJobChanged((job) => sendBack({ type: 'PRINT_JOB_CHANGED', job })),
        api.catalogue.onUpdated(() => sendBack({ type: 'CATALOGUE_UPDATED' })),
      ];
      return () => offs.forEach((off) => off());
    }),
    identifyByQr: fromPromise<SessionView, { api: KioskApi; payload: string }>(({ input }) =>
      input.api.session.identifyByQr({ payload: input.payload }),
    ),
    loadOverview: fromPromise<CatalogueOverview, { api: KioskApi }>(({ input }) => input.api.catalogue.overview({})),
    loadService: fromPromise<ServiceDetail, { api: KioskApi; code: string }>(({ input }) => input.api.catalogue.get({ code: input.code })),
    precheck: fromPromise<{ ok: boolean; problems: PrecheckProblem[] }, { api: KioskApi; context: FlowContext }>(({ input }) =>
      input.context.bundle ? input.api.transactions.precheckBundle(bundleRequest(input.context)) : input.api.transactions.precheck(submitRequest(input.context)),
    ),
    loadBundleItems: fromPromise<ServiceDetail[], { api: KioskApi; codes: string[] }>(({ input }) =>
      Promise.all(input.codes.map((code) => input.api.catalogue.get({ code }))),
    ),
    submitBundle: fromPromise<BundleSubmitResult, { api: KioskApi; context: FlowContext }>(({ input }) =>
      input.api.transactions.submitBundle(bundleRequest(input.context)),
    ),
    reveal: fromPromise<RevealedIdentity, { api: KioskApi }>(({ input }) => input.api.session.reveal({})),
    submit: fromPromise<SubmitResult, { api: KioskApi; context: FlowContext }>(({ input }) =>
      input.api.transactions.submit(submitRequest(input.context)),
    ),
    printReceipt: fromPromise<PrintJob, { api: KioskApi; transactionId: string }>(({ input }) =>
      input.api.printer.printReceipt({ transactionId: input.transactionId }),
    ),
    reprint: fromPromise<PrintJob, { api: KioskApi; jobId: string }>(({ input }) => input.api.printer.reprint({ jobId: input.jobId })),
    createPayment: fromPromise<PaymentOrder, { api: KioskApi; transactionId: string }>(({ input }) =>
      input.api.payment.create({ transactionId: input.transactionId }),
    ),
    cancelPayment: fromPromise<PaymentStatus, { api: KioskApi; paymentId: string }>(({ input }) => input.api.payment.cancel({ paymentId: input.paymentId })),
    /** Polls `payment.status` every `intervalMs`; a failed poll is ignored (the next one retries, the order's expiry still ends the wait). */
    pollPayment: fromCallback<FlowEvent, { api: KioskApi; paymentId: string; intervalMs: number }>(({ sendBack, input }) => {
      let stopped = false;
      const timer = setInterval(() => {
        input.api.payment.status({ paymentId: input.paymentId }).then(
          (s) => {
            if (!stopped) sendBack({ type: 'PAYMENT_STATUS', status: s.status });
          },
          () => undefined,
        );
      }, input.intervalMs);
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    }),
    printCertificate: fromPromise<PrintJob, { api: KioskApi; transactionId: string }>(({ input }) =>
      input.api.printer.printCertificate({ transactionId: input.transactionId }),
    ),
    rate: fromPromise<{ id: string }, { api: KioskApi; context: FlowContext; level: string; reason: string }>(({ input }) => {
      const level = input.level as 'very-satisfied' | 'satisfied' | 'basic' | 'dissatisfied' | 'very-dissatisfied';
      const reason = input.reason.trim();
      const bundleItems = input.context.bundle?.result?.items;
      if (bundleItems) {
        // One rating of the bundle, recorded for each of its items (好差评 is per item).
        return Promise.all(
          bundleItems.map((i) => input.api.rating.submit({ transactionId: i.id, serviceCode: i.serviceCode, level, reason: reason.length > 0 ? reason : null })),
        ).then((ids) => ids[0] ?? { id: '' });
      }
      return input.api.rating.submit({
        transactionId: input.context.result?.id ?? null,
        serviceCode: input.context.serviceCode ?? '',
        level,
        reason: reason.length > 0 ? reason : null,
      });
    }),
    endSession: fromPromise<SessionView, { api: KioskApi; reason: EndReason }>(({ input }) => input.api.session.end({ reason: input.reason })),
  },
  actions: {
    resetPersonal: assign(() => ({ ...PERSONAL_RESET })),
    stopCamera: () => stopAllCameraStreams(),
    clearError: assign({ error: null }),
    clearRevealed: assign({ revealed: null }),
    /** Best effort: a session that ends while an order is pending withdraws it, so nobody pays for a QR left behind. */
    /** The current fee is paid or left for later: the next one (if any) is current now. */
    settleFee: assign({ settledFees: ({ context }) => [...context.settledFees, feeProgress(context).current?.transactionId ?? ''] }),
    /** The current certificate is printed or skipped: the next one (if any) is current now. */
    settleCertificate: assign({
      settledCertificates: ({ context }) => [...context.settledCertificates, certificateProgress(context).current?.transactionId ?? ''],
    }),
    withdrawPayment: ({ context }) => {
      const paymentId = context.payment?.paymentId;
      if (paymentId) context.api.payment.cancel({ paymentId }).catch(() => undefined);
    },
    applyBoot: assign(({ event }) => {
      const output = (event as unknown as { output: BootResult }).output;
      return {
        system: output.system,
        devices: Object.fromEntries(output.devices.map((d) => [d.name, d])),
        connectivity: output.connectivity?.state ?? 'online',
        pending: output.connectivity?.pending ?? 0,
        bootPreloaded: null,
      };
    }),
  },
  guards: {
    sessionIdentified: ({ event }) => event.type === 'SESSION_CHANGED' && event.session.stage === 'identified' && event.session.identity !== null,
    sessionReading: ({ event }) => event.type === 'SESSION_CHANGED' && event.session.stage === 'reading',
    sessionLost: ({ context, event }) => event.type === 'SESSION_CHANGED' && event.session.stage === 'idle' && context.identity !== null,
    serviceAvailable: ({ context }) => context.service !== null && isServiceAvailable(context.service, context.connectivity),
    /** A delivered fee item of the submission is not paid (or left for later) yet. */
    feeDue: ({ context }) => feeProgress(context).current !== null,
    /** Another fee is due after the current one. */
    anotherFeeDue: ({ context }) => feeProgress(context).remaining > 0,
    /** A delivered certificate item of the submission has not been printed (or skipped) yet. */
    certificateDue: ({ context }) => certificateProgress(context).current !== null,
    /** Another certificate is due after the current one. */
    anotherCertificateDue: ({ context }) => certificateProgress(context).remaining > 0,
    ratingValid: ({ event }) =>
      event.type === 'SUBMIT_RATING' &&
      !((event.level === 'dissatisfied' || event.level === 'very-dissatisfied') && event.reason.trim().length === 0),
  },
  delays: {
    welcome: ({ context }) => context.timing.welcomeMs,
    result: ({ context }) => context.timing.resultMs,
    printDone: ({ context }) => context.timing.printDoneMs,
    thanks: ({ context }) => context.timing.thanksMs,
    /** Until the payment order's `expiresAt` (0 when already past or unparsable). */
    paymentExpiry: ({ context }) => Math.max(0, (Date.parse(context.payment?.expiresAt ?? '') || 0) - Date.now()),
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({
    api: input.api,
    bootPreloaded: input.boot ?? null,
    timing: { ...DEFAULT_TIMING, ...input.timing },
    system: null,
    devices: {},
    connectivity: 'online',
    pending: 0,
    overview: null,
    endReason: 'done',
    ...PERSONAL_RESET,
  }),
  invoke: { src: 'apiEvents', input: ({ context }) => ({ api: context.api }) },
  on: {
    DEVICE_CHANGED: { actions: assign({ devices: ({ context, event }) => ({ ...context.devices, [event.status.name]: event.status }) }) },
    CONNECTIVITY_CHANGED: {
      actions: assign({ connectivity: ({ event }) => event.connectivity.state, pending: ({ event }) => event.connectivity.pending }),
    },
  },
  initial: 'boot',
  states: {
    boot: {
      invoke: {
        src: 'boot',
        input: ({ context }) => ({ api: context.api, preloaded: context.bootPreloaded }),
        onDone: [
          {
            guard: ({ event }) => event.output.session?.stage === 'identified',
            target: 'ending',
            actions: ['applyBoot', assign({ endReason: 'cancelled' as EndReason })],
          },
          { target: 'attract', actions: 'applyBoot' },
        ],
      },
    },
    attract: {
      entry: ['resetPersonal', 'stopCamera'],
      on: {
        START: 'session.identify',
        SESSION_CHANGED: [
          { guard: 'sessionIdentified', target: 'session.faceCheck', actions: assign({ identity: ({ event }) => event.session.identity }) },
          { guard: 'sessionReading', target: 'session.identify.reading' },
        ],
      },
    },
    session: {
      on: {
        CANCEL: { target: 'ending', actions: assign({ endReason: 'cancelled' as EndReason }) },
        IDLE_EXPIRED: { target: 'ending', actions: assign({ endReason: 'idle' as EndReason }) },
        SESSION_CHANGED: [
          { guard: 'sessionLost', target: 'attract' },
          { guard: 'sessionIdentified', actions: assign({ identity: ({ event }) => event.session.identity }) },
        ],
      },
      initial: 'identify',
      states: {
        identify: {
          initial: 'choose',
          on: {
            SESSION_CHANGED: [
              { guard: 'sessionIdentified', target: 'faceCheck', actions: assign({ identity: ({ event }) => event.session.identity }) },
              { guard: 'sessionReading', target: '.reading', actions: assign({ identifyError: null }) },
              { guard: ({ event }) => event.session.stage === 'idle', target: '.choose' },
            ],
            IDENTIFY_FAILED: { target: '.choose', actions: assign({ identifyError: ({ event }) => event.code }) },
          },
          states: {
            choose: {
              on: { QR_SUBMIT: { target: 'verifyingQr', guard: ({ event }) => event.payload.trim().length > 0 } },
            },
            reading: {},
            verifyingQr: {
              entry: assign({ identifyError: null }),
              invoke: {
                src: 'identifyByQr',
                input: ({ context, event }) => ({ api: context.api, payload: event.type === 'QR_SUBMIT' ? event.payload.trim() : '' }),
                onDone: [
                  {
                    guard: ({ event }) => event.output.stage === 'identified' && event.output.identity !== null,
                    target: '#kiosk.session.faceCheck',
                    actions: assign({ identity: ({ event }) => event.output.identity }),
                  },
                  { target: 'choose', actions: assign({ identifyError: 'qr-rejected' }) },
                ],
                onError: {
                  target: 'choose',
                  actions: assign({
                    identifyError: ({ event }) => (errorCodeOf(event.error) === 'platform-unreachable' ? 'platform-unreachable' : 'qr-rejected'),
                  }),
                },
              },
            },
          },
        },
        /**
         * Reserved for face verification against the ID photo (人证比对, a later
         * issue): identify → faceCheck → welcome. Today it passes straight through.
         */
        faceCheck: {
          always: 'welcome',
        },
        welcome: {
          after: { welcome: 'home' },
          on: { CONTINUE: 'home' },
        },
        home: {
          entry: 'clearError',
          invoke: {
            src: 'loadOverview',
            input: ({ context }) => ({ api: context.api }),
            onDone: { actions: assign({ overview: ({ event }) => event.output }) },
            onError: { actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
          },
          on: {
            SELECT_SERVICE: { target: 'guide', actions: assign({ serviceCode: ({ event }) => event.code, service: null, bundle: null }) },
            SELECT_BUNDLE: {
              guard: ({ context, event }) => context.overview?.lifeEvents.some((e) => e.id === event.id) ?? false,
              target: 'bundle',
              actions: assign({
                serviceCode: null,
                service: null,
                bundle: ({ context, event }) => {
                  const e = context.overview!.lifeEvents.find((l) => l.id === event.id)!;
                  return { id: e.id, name: e.name, itemCodes: e.itemCodes, items: [], chosen: [], combined: null, result: null };
                },
              }),
            },
            CATALOGUE_UPDATED: { target: 'home', reenter: true },
          },
        },
        /**
         * A life-event bundle ("一件事一次办"): its items with checkboxes (all
         * that can be applied for now ticked), then the same form → pre-check
         * → confirm steps as a single item, with the combined form.
         */
        bundle: {
          initial: 'loading',
          on: { BACK: 'home', HOME: 'home' },
          states: {
            loading: {
              entry: 'clearError',
              invoke: {
                src: 'loadBundleItems',
                input: ({ context }) => ({ api: context.api, codes: context.bundle?.itemCodes ?? [] }),
                onDone: { target: 'ready', actions: assign({ bundle: ({ context, event }) => withItems(context.bundle!, event.output, context.connectivity) }) },
                onError: { target: 'failed', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
            ready: {
              on: {
                BUNDLE_ITEM_TOGGLED: {
                  actions: assign({
                    bundle: ({ context, event }) => {
                      const b = context.bundle!;
                      const chosen = event.chosen ? [...new Set([...b.chosen, event.code])] : b.chosen.filter((c) => c !== event.code);
                      return { ...b, chosen: b.itemCodes.filter((c) => chosen.includes(c)) };
                    },
                  }),
                },
                START_APPLICATION: {
                  guard: ({ context }) => canStartBundle(context.bundle, context.connectivity),
                  target: '#kiosk.session.form',
                  actions: [
                    assign({ bundle: ({ context }) => withCombinedForm(context.bundle!), form: {}, problems: [] }),
                    assign({ materials: ({ context }) => Object.fromEntries((context.bundle?.combined?.materials ?? []).map((m) => [m.id, m.electronic])) }),
                  ],
                },
              },
            },
            failed: { on: { RETRY: 'loading' } },
          },
        },
        guide: {
          initial: 'loading',
          on: { BACK: 'home', HOME: 'home' },
          states: {
            loading: {
              entry: 'clearError',
              invoke: {
                src: 'loadService',
                input: ({ context }) => ({ api: context.api, code: context.serviceCode ?? '' }),
                onDone: { target: 'ready', actions: assign({ service: ({ event }) => event.output }) },
                onError: { target: 'failed', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
            ready: {
              on: {
                START_APPLICATION: {
                  guard: 'serviceAvailable',
                  target: '#kiosk.session.form',
                  actions: assign({
                    form: {},
                    problems: [],
                    materials: ({ context }) => Object.fromEntries((context.service?.materials ?? []).map((m) => [m.id, m.electronic])),
                  }),
                },
              },
            },
            failed: { on: { RETRY: 'loading' } },
          },
        },
        form: {
          on: {
            BACK: [{ guard: ({ context }) => context.bundle !== null, target: 'bundle.ready' }, { target: 'guide.ready' }],
            HOME: 'home',
            FIELD_CHANGED: {
              actions: assign({
                form: ({ context, event }) => ({ ...context.form, [event.id]: event.value }),
                problems: ({ context, event }) => context.problems.filter((p) => !(p.target === 'field' && p.id === event.id)),
              }),
            },
            MATERIAL_TOGGLED: {
              actions: assign({
                materials: ({ context, event }) => ({ ...context.materials, [event.id]: event.provided }),
                problems: ({ context, event }) => context.problems.filter((p) => !(p.target === 'material' && p.id === event.id)),
              }),
            },
            PRECHECK: 'checking',
          },
        },
        checking: {
          entry: 'clearError',
          invoke: {
            src: 'precheck',
            input: ({ context }) => ({ api: context.api, context }),
            onDone: [
              { guard: ({ event }) => event.output.ok && event.output.problems.length === 0, target: 'confirm', actions: assign({ problems: [] }) },
              { target: 'precheck', actions: assign({ problems: ({ event }) => event.output.problems }) },
            ],
            onError: { target: 'form', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
          },
        },
        precheck: {
          on: { BACK: 'form', HOME: 'home' },
        },
        confirm: {
          initial: 'idle',
          exit: 'clearRevealed',
          on: {
            BACK: 'form',
            HOME: 'home',
            SUBMIT: [{ guard: ({ context }) => context.bundle !== null, target: 'submittingBundle' }, { target: 'submitting' }],
          },
          states: {
            idle: {
              on: {
                REVEAL_TOGGLE: [{ guard: ({ context }) => context.revealed !== null, actions: 'clearRevealed' }, { target: 'revealing' }],
              },
            },
            revealing: {
              invoke: {
                src: 'reveal',
                input: ({ context }) => ({ api: context.api }),
                onDone: { target: 'idle', actions: assign({ revealed: ({ event }) => event.output }) },
                onError: { target: 'idle', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
          },
        },
        /**
         * Unified public payment (统一公共支付) of a submitted fee item: create
         * the order, show its QR, poll its status until paid, expired or
         * cancelled. The application is already saved, so every way out keeps
         * it: pay later by the receipt number (PAY_LATER) goes on to printing.
         * A bundle's delivered fee items are paid one after the other (`feeDues`):
         * paid or left for later, the next one's order follows, then printing.
         */
        payment: {
          initial: 'creating',
          on: {
            PAY_LATER: [
              { guard: 'anotherFeeDue', target: '.creating', actions: 'settleFee' },
              { target: 'printing', actions: 'settleFee' },
            ],
          },
          states: {
            creating: {
              entry: ['clearError', assign({ payment: null })],
              invoke: {
                src: 'createPayment',
                input: ({ context }) => ({ api: context.api, transactionId: feeProgress(context).current?.transactionId ?? '' }),
                onDone: { target: 'waiting', actions: assign({ payment: ({ event }) => event.output }) },
                onError: { target: 'unavailable', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
            waiting: {
              invoke: {
                src: 'pollPayment',
                input: ({ context }) => ({ api: context.api, paymentId: context.payment?.paymentId ?? '', intervalMs: context.timing.paymentPollMs }),
              },
              after: { paymentExpiry: 'expired' },
              on: {
                CANCEL: { target: '#kiosk.ending', actions: ['withdrawPayment', assign({ endReason: 'cancelled' as EndReason })] },
                IDLE_EXPIRED: { target: '#kiosk.ending', actions: ['withdrawPayment', assign({ endReason: 'idle' as EndReason })] },
                PAYMENT_STATUS: [
                  { guard: ({ event }) => event.status === 'paid', target: 'paid' },
                  { guard: ({ event }) => event.status === 'expired', target: 'expired' },
                  { guard: ({ event }) => event.status === 'cancelled', target: 'cancelled' },
                ],
                CANCEL_PAYMENT: 'cancelling',
              },
            },
            cancelling: {
              invoke: {
                src: 'cancelPayment',
                input: ({ context }) => ({ api: context.api, paymentId: context.payment?.paymentId ?? '' }),
                onDone: [{ guard: ({ event }) => event.output.status === 'paid', target: 'paid' }, { target: 'cancelled' }],
                onError: { target: 'waiting', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
            paid: {
              after: { result: nextFee() },
              on: { CONTINUE: nextFee() },
            },
            expired: { on: { RETRY: 'creating' } },
            cancelled: { on: { RETRY: 'creating' } },
            unavailable: { on: { RETRY: 'creating' } },
          },
        },
        submitting: {
          entry: 'clearError',
          invoke: {
            src: 'submit',
            input: ({ context }) => ({ api: context.api, context }),
            onDone: [
              {
                guard: ({ context, event }) => (context.service?.feeFen ?? 0) > 0 && event.output.status === 'delivered',
                target: 'payment',
                actions: assign({ result: ({ event }) => event.output }),
              },
              { target: 'result', actions: assign({ result: ({ event }) => event.output }) },
            ],
            onError: { target: 'confirm', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
          },
        },
        /** Every chosen item of the bundle, written together; then the shared result → printing → rating → thanks steps. */
        submittingBundle: {
          entry: 'clearError',
          invoke: {
            src: 'submitBundle',
            input: ({ context }) => ({ api: context.api, context }),
            onDone: {
              target: 'result',
              actions: assign({
                bundle: ({ context, event }) => (context.bundle ? { ...context.bundle, result: event.output } : null),
                result: ({ event }) => summaryResult(event.output),
              }),
            },
            onError: { target: 'confirm', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
          },
        },
        /** The result; a bundle with delivered fee items goes on to pay them one after the other. */
        result: {
          after: { result: [{ guard: 'feeDue', target: 'payment' }, { target: 'printing' }] },
          on: { CONTINUE: [{ guard: 'feeDue', target: 'payment' }, { target: 'printing' }] },
        },
        printing: {
          initial: 'starting',
          on: {
            PRINT_JOB_CHANGED: {
              guard: ({ context, event }) =>
                event.job.kind !== 'certificate' &&
                ((context.printJob !== null && event.job.jobId === context.printJob.jobId) ||
                  (context.result !== null && event.job.transactionId === context.result.id)),
              actions: assign({ printJob: ({ event }) => event.job }),
            },
            SKIP_PRINT: [{ guard: 'certificateDue', target: 'certificate' }, { target: 'rating' }],
          },
          states: {
            starting: {
              invoke: {
                src: 'printReceipt',
                input: ({ context }) => ({ api: context.api, transactionId: context.result?.id ?? '' }),
                onDone: {
                  target: 'watching',
                  actions: assign({
                    printJob: ({ context, event }) =>
                      context.printJob !== null &&
                      context.printJob.jobId === event.output.jobId &&
                      PRINT_RANK[context.printJob.state] > PRINT_RANK[event.output.state]
                        ? context.printJob
                        : event.output,
                  }),
                },
                onError: {
                  target: 'failed',
                  actions: assign({
                    printJob: ({ context, event }) => ({
                      jobId: context.printJob?.jobId ?? '',
                      kind: 'receipt' as const,
                      transactionId: context.result?.id ?? null,
                      state: 'failed' as const,
                      reason: printFailureReason(event.error),
                      progress: 0,
                    }),
                  }),
                },
              },
            },
            watching: {
              always: [
                { guard: ({ context }) => context.printJob?.state === 'done', target: 'done' },
                { guard: ({ context }) => context.printJob?.state === 'failed', target: 'failed' },
              ],
            },
            reprinting: {
              invoke: {
                src: 'reprint',
                input: ({ context }) => ({ api: context.api, jobId: context.printJob?.jobId ?? '' }),
                onDone: { target: 'watching', actions: assign({ printJob: ({ event }) => event.output }) },
                onError: {
                  target: 'failed',
                  actions: assign({
                    printJob: ({ context, event }) =>
                      context.printJob === null ? null : { ...context.printJob, state: 'failed' as const, reason: printFailureReason(event.error) },
                  }),
                },
              },
            },
            done: {
              after: { printDone: [{ guard: 'certificateDue', target: '#kiosk.session.certificate' }, { target: '#kiosk.session.rating' }] },
              on: { CONTINUE: [{ guard: 'certificateDue', target: '#kiosk.session.certificate' }, { target: '#kiosk.session.rating' }] },
            },
            failed: {
              on: {
                REPRINT: [
                  { guard: ({ context }) => (context.printJob?.jobId ?? '') !== '', target: 'reprinting' },
                  { target: 'starting' },
                ],
              },
            },
          },
        },
        /**
         * The certificate / e-licence on A4 for a delivered item whose output is
         * a certificate, offered after the receipt. Every failure is explained
         * with the way to get it later (window or this kiosk, by receipt number).
         * A bundle offers each delivered certificate item in turn (`certificateDues`).
         */
        certificate: {
          initial: 'offer',
          on: {
            PRINT_JOB_CHANGED: {
              guard: ({ context, event }) =>
                event.job.kind === 'certificate' &&
                ((context.certificateJob !== null && event.job.jobId === context.certificateJob.jobId) ||
                  (context.certificateJob === null && event.job.transactionId === certificateProgress(context).current?.transactionId)),
              actions: assign({ certificateJob: ({ event }) => event.job }),
            },
            SKIP_CERTIFICATE: [
              { guard: 'anotherCertificateDue', target: '.offer', actions: 'settleCertificate' },
              { target: 'rating', actions: 'settleCertificate' },
            ],
          },
          states: {
            offer: {
              entry: assign({ certificateFailure: null, certificateJob: null }),
              on: { PRINT_CERTIFICATE: 'starting' },
            },
            starting: {
              entry: assign({ certificateFailure: null, certificateJob: null }),
              invoke: {
                src: 'printCertificate',
                input: ({ context }) => ({ api: context.api, transactionId: certificateProgress(context).current?.transactionId ?? '' }),
                onDone: {
                  target: 'watching',
                  actions: assign({
                    certificateJob: ({ context, event }) =>
                      context.certificateJob !== null &&
                      context.certificateJob.jobId === event.output.jobId &&
                      PRINT_RANK[context.certificateJob.state] > PRINT_RANK[event.output.state]
                        ? context.certificateJob
                        : event.output,
                  }),
                },
                onError: {
                  target: 'failed',
                  actions: assign({ certificateFailure: ({ context, event }) => certificateFailure(errorCodeOf(event.error), context.connectivity) }),
                },
              },
            },
            watching: {
              always: [
                { guard: ({ context }) => context.certificateJob?.state === 'done', target: 'done' },
                {
                  guard: ({ context }) => context.certificateJob?.state === 'failed',
                  target: 'failed',
                  actions: assign({ certificateFailure: ({ context }) => certificateFailure(context.certificateJob?.reason ?? '', context.connectivity) }),
                },
              ],
            },
            done: {
              after: { printDone: nextCertificate() },
              on: { CONTINUE: nextCertificate() },
            },
            failed: {
              on: { RETRY: 'starting' },
            },
          },
        },
        rating: {
          initial: 'choosing',
          on: { SKIP_RATING: 'thanks' },
          states: {
            choosing: {
              on: { SUBMIT_RATING: { guard: 'ratingValid', target: 'sending' } },
            },
            sending: {
              entry: 'clearError',
              invoke: {
                src: 'rate',
                input: ({ context, event }) => ({
                  api: context.api,
                  context,
                  level: event.type === 'SUBMIT_RATING' ? event.level : 'basic',
                  reason: event.type === 'SUBMIT_RATING' ? event.reason : '',
                }),
                onDone: { target: '#kiosk.session.thanks' },
                onError: { target: 'choosing', actions: assign({ error: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
          },
        },
        thanks: {
          after: { thanks: { target: '#kiosk.ending', actions: assign({ endReason: 'done' as EndReason }) } },
          on: { DONE: { target: '#kiosk.ending', actions: assign({ endReason: 'done' as EndReason }) } },
        },
      },
    },
    ending: {
      entry: ['resetPersonal', 'stopCamera'],
      invoke: {
        src: 'endSession',
        input: ({ context }) => ({ api: context.api, reason: context.endReason }),
        onDone: 'attract',
        onError: 'attract',
      },
    },
  },
});

/** A running flow actor. */
export type KioskActor = ActorRefFrom<typeof kioskMachine>;
/** A snapshot of the flow. */
export type KioskSnapshot = SnapshotFrom<typeof kioskMachine>;
