import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { PrintJob } from '../../../common/contract/schemas';
import { certificateProgress } from './dues';
import { flowAssign, stateConfig, unlessCare } from './flow-config';
import type { FlowContext } from './flow-types';
import { errorCodeOf } from './selectors';
import type { KioskLocale } from '../../../common/contract/schemas';

/** What the person can print in a session: the receipt (ESC/POS, journalled) and each certificate on A4 (OS spooler, not journalled). */
interface Printout {
  kind: PrintJob['kind'];
  /** The context field holding this printout's job. */
  job: 'printJob' | 'certificateJob';
  /** The transaction whose printout it is now. */
  transactionId(context: FlowContext): string;
  /** What a new attempt forgets. */
  fresh: Partial<FlowContext>;
  /** The context once the print could not even be started. */
  startFailed(context: FlowContext, error: unknown): Partial<FlowContext>;
  /** The context once the job reported `failed`. */
  jobFailed(context: FlowContext): Partial<FlowContext>;
  /** Another printout of this kind (or the next kind) is due: where to go instead of the rating. */
  more: { due(context: FlowContext): boolean; target: string };
  /** What the context records when this printout is done or skipped. */
  settled(context: FlowContext): Partial<FlowContext>;
}

/** Maps an error of `printer.printReceipt` / `printer.reprint` to a print-failure reason the person can act on. */
function receiptFailureReason(error: unknown): string {
  const code = errorCodeOf(error);
  if (code === 'paper-out') return 'paper-out';
  if (code === 'device-offline') return 'offline';
  return 'unknown';
}

/** Maps an error code of `printer.printCertificate`, or a failed certificate job's reason, to what the person is told. */
function certificateFailureReason(code: string, connectivity: FlowContext['connectivity']): string {
  if (code === 'platform-unreachable') return connectivity === 'offline' ? 'network-offline' : 'not-accepted';
  if (code === 'device-offline' || code === 'offline') return 'printer-offline';
  if (code === 'paper-out') return 'paper-out';
  if (code === 'invalid-payload') return 'not-certificate';
  return 'unknown';
}

/** The receipt of the submission (a bundle's lists every item); a failure keeps its reason in the job itself. */
const RECEIPT: Printout = {
  kind: 'receipt',
  job: 'printJob',
  transactionId: (context) => context.result?.id ?? '',
  // A retry reprints the failed job, so its id is kept.
  fresh: {},
  startFailed: (context, error) => ({
    printJob: {
      ...(context.printJob ?? { jobId: '', kind: 'receipt', transactionId: context.result?.id ?? null, progress: 0 }),
      state: 'failed',
      reason: receiptFailureReason(error),
    },
  }),
  jobFailed: () => ({}),
  more: { due: (context) => certificateProgress(context).current !== null, target: '#kiosk.session.certificate' },
  settled: () => ({}),
};

/** The current certificate due (one after the other in a bundle); a failure is explained with the way to get it later. */
const CERTIFICATE: Printout = {
  kind: 'certificate',
  job: 'certificateJob',
  transactionId: (context) => certificateProgress(context).current?.transactionId ?? '',
  fresh: { certificateJob: null, certificateFailure: null },
  startFailed: (context, error) => ({ certificateFailure: certificateFailureReason(errorCodeOf(error), context.connectivity) }),
  jobFailed: (context) => ({ certificateFailure: certificateFailureReason(context.certificateJob?.reason ?? '', context.connectivity) }),
  more: { due: (context) => certificateProgress(context).remaining > 0, target: '#kiosk.session.certificate.offer' },
  settled: (context) => ({ settledCertificates: [...context.settledCertificates, certificateProgress(context).current?.transactionId ?? ''] }),
};

/** Actors of the printing sub-flow. */
export const printingActors = {
  /** Starts a printout; a receipt whose job is known (`jobId`) is printed again from the journal instead. */
  print: fromPromise<PrintJob, { api: KioskApi; kind: PrintJob['kind']; transactionId: string; jobId: string; locale: KioskLocale }>(({ input }) => {
    const { printer } = input.api;
    if (input.kind === 'certificate') return printer.printCertificate({ transactionId: input.transactionId });
    return input.jobId !== '' ? printer.reprint({ jobId: input.jobId }) : printer.printReceipt({ transactionId: input.transactionId, locale: input.locale });
  }),
};

const RANK: Record<PrintJob['state'], number> = { queued: 0, printing: 1, done: 2, failed: 2 };

/** The job a print call answered, unless an event about the same job already told of a later state (events can overtake the answer). */
function latest(known: PrintJob | null, answered: PrintJob): PrintJob {
  return known !== null && known.jobId === answered.jobId && RANK[known.state] > RANK[answered.state] ? known : answered;
}

/**
 * One printout, parameterised by its {@link Printout}: starting → watching
 * (progress from `printer.onJobChanged`) → done, or failed with the reason.
 * Done or skipped, the person goes on to the next printout due or the rating.
 * The receipt and certificate sub-flows below add their own first step and
 * their own retry and skip events (the screens' and tests' names).
 */
function printoutStates(p: Printout) {
  const jobOf = (context: FlowContext) => context[p.job];
  const withJob = (job: PrintJob): Partial<FlowContext> => (p.job === 'printJob' ? { printJob: job } : { certificateJob: job });
  const settle = flowAssign(({ context }) => p.settled(context));
  const next = [
    { guard: ({ context }: { context: FlowContext }) => p.more.due(context), target: p.more.target, actions: settle },
    { target: '#kiosk.session.rating', actions: settle },
  ];
  const base = stateConfig({
    on: {
      PRINT_JOB_CHANGED: {
        // This kind only: the job we know, or (before the print call answered, or after a reprint) any job of this transaction.
        guard: ({ context, event }) =>
          event.job.kind === p.kind && (event.job.jobId === jobOf(context)?.jobId || event.job.transactionId === p.transactionId(context)),
        actions: assign(({ event }) => withJob(event.job)),
      },
    },
    states: {
      starting: {
        entry: assign(() => p.fresh),
        invoke: {
          src: 'print',
          input: ({ context }) => ({ api: context.api, kind: p.kind, transactionId: p.transactionId(context), jobId: jobOf(context)?.jobId ?? '', locale: context.locale }),
          onDone: { target: 'watching', actions: assign(({ context, event }) => withJob(latest(jobOf(context), event.output))) },
          onError: { target: 'failed', actions: assign(({ context, event }) => p.startFailed(context, event.error)) },
        },
      },
      watching: {
        always: [
          { guard: ({ context }) => jobOf(context)?.state === 'done', target: 'done' },
          { guard: ({ context }) => jobOf(context)?.state === 'failed', target: 'failed', actions: assign(({ context }) => p.jobFailed(context)) },
        ],
      },
      done: { after: { printDone: unlessCare(next) }, on: { CONTINUE: next } },
    },
  });
  return { next, base };
}

/** The receipt, printed at once; REPRINT after a failure prints the journalled job again, SKIP_PRINT goes on without it. */
function receiptStates() {
  const { next, base } = printoutStates(RECEIPT);
  return stateConfig({
    initial: 'starting',
    on: { ...base.on, SKIP_PRINT: next },
    states: { ...base.states, failed: { on: { REPRINT: 'starting' } } },
  });
}

/** A certificate on A4, offered first (PRINT_CERTIFICATE); RETRY starts a new job, SKIP_CERTIFICATE goes on to the next one or the rating. */
function certificateStates() {
  const { next, base } = printoutStates(CERTIFICATE);
  return stateConfig({
    initial: 'offer',
    on: { ...base.on, SKIP_CERTIFICATE: next },
    states: {
      offer: { entry: assign(() => CERTIFICATE.fresh), on: { PRINT_CERTIFICATE: 'starting' } },
      ...base.states,
      failed: { on: { RETRY: 'starting' } },
    },
  });
}

/**
 * printing → certificate: the receipt, then (for delivered items whose output
 * is a certificate) each certificate on A4, one after the other.
 */
export const printingStates = { printing: receiptStates(), certificate: certificateStates() };
