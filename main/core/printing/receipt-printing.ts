import type { MethodsOf, EventSink } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { PrintJob } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { printFailureReason, type ReceiptDocument, type ReceiptPrinter } from '../../../drivers/receipt-printer/index';
import type { KioskStore, PrintJobRow } from '../../../offline-cache/index';
import type { QueryService } from '../services/query-service';
import type { TransactionsService } from '../services/transactions-service';
import { buildQueryReceipt } from './build-query-receipt';
import { buildBundleReceipt, buildTransactionReceipt, type FeeOf, type ReceiptSite } from './build-receipt';

/** Options of {@link ReceiptPrinting}. */
export interface ReceiptPrintingOptions {
  store: KioskStore;
  transactions: TransactionsService;
  events: EventSink<KioskContract>;
  site: ReceiptSite;
  /** The fee of a transaction as the receipt states it (paid or due); default none. */
  feeOf?: FeeOf;
  /** The receipt printer, or null when none is configured/attached. */
  printer: () => ReceiptPrinter | null;
  /** The session's query answers (`printer.printQueryResult`); without it that method answers `not-found`. */
  queries?: QueryService;
}

/**
 * Prints receipts through the journal: every job is recorded (queued →
 * printing → done | failed with a reason) before the printer sees a byte, so
 * a receipt for a committed transaction can always be printed again — by the
 * person in the same session (`printer.reprint`, refused for any other
 * session's job) or by the technician.
 */
export class ReceiptPrinting {
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly options: ReceiptPrintingOptions) {}

  private publish(job: PrintJob): PrintJob {
    this.options.events.emit('printer', 'onJobChanged', job);
    return job;
  }

  /** Runs a journalled job; jobs are serialised (one printer). */
  private run(jobId: string, transactionId: string | null, document: ReceiptDocument): void {
    const { store } = this.options;
    this.busy = this.busy.then(async () => {
      const printer = this.options.printer();
      if (!printer) {
        store.printJobs.markFailed(jobId, 'offline');
        this.publish({ jobId, kind: 'receipt', transactionId, state: 'failed', reason: 'offline', progress: 0 });
        return;
      }
      store.printJobs.markPrinting(jobId);
      this.publish({ jobId, kind: 'receipt', transactionId, state: 'printing', reason: null, progress: 0 });
      let lastReported = 0;
      try {
        const outcome = await printer.print(document, {
          onProgress: (fraction) => {
            if (fraction - lastReported >= 0.1 || fraction === 1) {
              lastReported = fraction;
              this.publish({ jobId, kind: 'receipt', transactionId, state: 'printing', reason: null, progress: Math.min(1, Math.max(0, fraction)) });
            }
          },
        });
        // "Printed, not confirmed" stays done: the bytes went out, and printing again by itself could give two receipts.
        const note = outcome.confirmed ? null : 'unconfirmed';
        store.printJobs.markDone(jobId, note);
        this.publish({ jobId, kind: 'receipt', transactionId, state: 'done', reason: note, progress: 1 });
      } catch (e) {
        const reason = printFailureReason(e);
        store.printJobs.markFailed(jobId, reason);
        this.publish({ jobId, kind: 'receipt', transactionId, state: 'failed', reason, progress: lastReported });
      }
    }).catch(() => {
      // The journal itself failed (e.g. disk full): tell the screen, and keep the chain alive for later jobs.
      this.publish({ jobId, kind: 'receipt', transactionId, state: 'failed', reason: 'printer-error', progress: 0 });
    });
  }

  /** The contract methods of the `printer` service. */
  methods(): Omit<MethodsOf<KioskContract['printer']>, 'printCertificate'> {
    return {
      printReceipt: async ({ transactionId, locale }) => {
        const tx = this.options.transactions.sessionTransaction(transactionId);
        if (!tx) throw new KioskError('not-found', 'no such transaction in this session');
        const siblings = tx.bundle ? this.options.transactions.sessionBundle(transactionId) : undefined;
        const feeOf = this.options.feeOf ?? (() => null);
        const document = tx.bundle && siblings ? buildBundleReceipt(tx.bundle, siblings, this.options.site, feeOf, locale) : buildTransactionReceipt(tx, this.options.site, feeOf, locale);
        const row = this.options.store.printJobs.create({ transactionId, document });
        const job: PrintJob = { jobId: row.id, kind: 'receipt', transactionId, state: 'queued', reason: null, progress: 0 };
        this.publish(job);
        this.run(row.id, transactionId, document);
        return job;
      },
      printQueryResult: async ({ queryId }) => {
        const query = this.options.queries?.sessionQuery(queryId);
        if (!query) throw new KioskError('not-found', 'no such query in this session');
        const document = buildQueryReceipt(query, this.options.site);
        const row = this.options.store.printJobs.create({ transactionId: null, document });
        const job: PrintJob = { jobId: row.id, kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 };
        this.publish(job);
        this.run(row.id, null, document);
        return job;
      },
      reprint: async ({ jobId }) => {
        const row = this.options.store.printJobs.get(jobId);
        if (!row) throw new KioskError('not-found', 'no such print job');
        // The person reprints their own receipt only: an earlier person's stays theirs (technicians reprint from their own screen).
        if (!row.transactionId || !this.options.transactions.sessionTransaction(row.transactionId)) {
          throw new KioskError('forbidden', 'only a receipt of the current session can be reprinted here');
        }
        return this.printAgain(row);
      },
    };
  }

  /**
   * Prints a journalled job again whichever session it was of: the
   * technician's reprint (`technician.reprintJob`), never reachable from the
   * citizen role. Throws KioskError `not-found` for an unknown job and for
   * one already printed (its document is gone then).
   */
  reprintJournalled(jobId: string): PrintJob {
    const row = this.options.store.printJobs.get(jobId);
    if (!row) throw new KioskError('not-found', 'no such print job');
    return this.printAgain(row);
  }

  private printAgain(row: PrintJobRow): PrintJob {
    if (row.state === 'done' || row.document === null) throw new KioskError('not-found', 'this job was already printed');
    const job: PrintJob = { jobId: row.id, kind: 'receipt', transactionId: row.transactionId ?? null, state: 'queued', reason: null, progress: 0 };
    this.publish(job);
    this.run(row.id, row.transactionId ?? null, row.document as ReceiptDocument);
    return job;
  }
}
