import { randomUUID } from 'node:crypto';
import type { EventSink, MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { PrintJob } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import type { A4Printer } from '../../../drivers/a4-printer/index';
import { isDeviceError } from '../../../drivers/base/errors';
import type { PlatformClient } from '../../../uplink/index';
import { platformFailure } from '../services/platform-failure';
import type { TransactionsService } from '../services/transactions-service';

/** Options of {@link CertificatePrinting}. */
export interface CertificatePrintingOptions {
  platform: PlatformClient;
  transactions: TransactionsService;
  events: EventSink<KioskContract>;
  /** The A4 printer, or null when none is configured or reachable. */
  printer: () => A4Printer | null;
}

function a4Reason(error: unknown): string {
  if (isDeviceError(error)) {
    if (error.kind === 'PaperOut') return 'paper-out';
    if (error.kind === 'CoverOpen') return 'cover-open';
    if (error.kind === 'DeviceTimeout') return 'timeout';
    if (error.kind === 'HardwareError') return 'hardware-error';
    return 'offline';
  }
  return 'printer-error';
}

/**
 * Certificates and e-licence copies (A4 PDF with a verification QR code) for
 * a delivered transaction: fetched from the platform and printed through the
 * OS spooler. Not journalled — the platform keeps the document, so printing
 * again is simply another `printCertificate`. Needs the platform.
 */
export class CertificatePrinting {
  constructor(private readonly options: CertificatePrintingOptions) {}

  private publish(job: PrintJob): void {
    this.options.events.emit('printer', 'onJobChanged', job);
  }

  /** Fetches the PDF; throws a KioskError the renderer can explain. */
  private async fetchPdf(transactionId: string): Promise<Uint8Array> {
    try {
      return (await this.options.platform.certificate(transactionId)).body.bytes;
    } catch (e) {
      const r = platformFailure(e);
      if (r.reason === 'unreachable') throw new KioskError('platform-unreachable', 'certificate: platform unreachable');
      if (r.reason === 'invalid-response') throw new KioskError('internal', 'certificate: the platform did not send a PDF');
      if (r.status === 409) throw new KioskError('platform-unreachable', 'certificate: the platform has not accepted the application yet');
      throw new KioskError('not-found', `certificate: HTTP ${r.status}`);
    }
  }

  private run(job: PrintJob, printer: A4Printer, pdf: Uint8Array): void {
    const base = { jobId: job.jobId, kind: 'certificate' as const, transactionId: job.transactionId };
    void printer
      .printPdf(pdf, {
        jobName: 'kiosk-certificate',
        onState: (state) => {
          if (state === 'processing') this.publish({ ...base, state: 'printing', reason: null, progress: 0.5 });
        },
      })
      .then((result) => {
        if (result.state === 'completed') this.publish({ ...base, state: 'done', reason: null, progress: 1 });
        else this.publish({ ...base, state: 'failed', reason: result.reason ?? result.state, progress: 0 });
      })
      .catch((e) => this.publish({ ...base, state: 'failed', reason: a4Reason(e), progress: 0 }));
  }

  /** The `printer.printCertificate` contract method. */
  method(): MethodsOf<KioskContract['printer']>['printCertificate'] {
    return async ({ transactionId }) => {
      const tx = this.options.transactions.sessionTransaction(transactionId);
      if (!tx) throw new KioskError('not-found', 'no such transaction in this session');
      if (tx.service.output !== 'certificate') throw new KioskError('invalid-payload', 'this service has no certificate');
      const printer = this.options.printer();
      if (!printer) throw new KioskError('device-offline', 'no A4 printer');
      const pdf = await this.fetchPdf(transactionId);
      const job: PrintJob = { jobId: `cert-${randomUUID()}`, kind: 'certificate', transactionId, state: 'queued', reason: null, progress: 0 };
      this.publish(job);
      this.run(job, printer, pdf);
      return job;
    };
  }
}
