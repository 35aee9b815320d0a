import type { FlowContext } from './flow-types';

/** A submitted item that still asks something of the person: a fee to pay or a certificate to print. */
export interface Due {
  transactionId: string;
  receiptNumber: string;
  serviceCode: string;
  serviceName: string;
  /** The item's fee in fen (0 for a free item). */
  feeFen: number;
}

type DueContext = Pick<FlowContext, 'service' | 'bundle' | 'result'>;

/** Every delivered item of the submission (the single item, or each item of the bundle) that `wants`, in order. */
function deliveredItems(context: DueContext, wants: (item: { feeFen: number; output: string }) => boolean): Due[] {
  const bundleResult = context.bundle?.result;
  if (bundleResult) {
    return bundleResult.items.flatMap((r) => {
      const item = context.bundle?.items.find((i) => i.code === r.serviceCode);
      return item && r.status === 'delivered' && wants(item)
        ? [{ transactionId: r.id, receiptNumber: r.receiptNumber, serviceCode: item.code, serviceName: item.name, feeFen: item.feeFen }]
        : [];
    });
  }
  const { service, result } = context;
  if (!service || !result || result.status !== 'delivered' || !wants(service)) return [];
  return [{ transactionId: result.id, receiptNumber: result.receiptNumber, serviceCode: service.code, serviceName: service.name, feeFen: service.feeFen }];
}

/**
 * The fees of this submission, in order: a delivered single fee item, or
 * each delivered fee item of a life-event bundle. A queued item is not
 * listed: it is paid later by its receipt number.
 */
export function feeDues(context: DueContext): Due[] {
  return deliveredItems(context, (i) => i.feeFen > 0);
}

/** The certificates of this submission to offer on A4, in order: delivered items whose output is a certificate. */
export function certificateDues(context: DueContext): Due[] {
  return deliveredItems(context, (i) => i.output === 'certificate');
}

/** Where a list of dues stands: the current one (null when all are settled), its 1-based position and the count. */
export interface DueProgress {
  current: Due | null;
  index: number;
  count: number;
  /** Dues after the current one that are not settled yet. */
  remaining: number;
}

/** The first due of `dues` not in `settled`, with its position; `settled` holds transaction ids. */
export function dueProgress(dues: Due[], settled: readonly string[]): DueProgress {
  const open = dues.filter((d) => !settled.includes(d.transactionId));
  const current = open[0] ?? null;
  return { current, index: current ? dues.indexOf(current) + 1 : dues.length, count: dues.length, remaining: Math.max(0, open.length - 1) };
}

/** Where the fees of the submission stand: the current one is the first neither paid nor left for later in this session. */
export function feeProgress(context: DueContext & Pick<FlowContext, 'settledFees'>): DueProgress {
  return dueProgress(feeDues(context), context.settledFees);
}

/** Where the A4 certificates of the submission stand: the current one is the first neither printed nor skipped. */
export function certificateProgress(context: DueContext & Pick<FlowContext, 'settledCertificates'>): DueProgress {
  return dueProgress(certificateDues(context), context.settledCertificates);
}
