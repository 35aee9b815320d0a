import type { DeviceStatus } from '../../common/contract/schemas';
import type { A4Printer, PrintPdfOptions, PrintPdfResult } from './interface';
import { notReadyError } from './not-ready-error';
import type { A4PrintHost } from './print-host';
import { mapPrinterState } from './printer-state-map';

/** Options of {@link openHostedPrinter}. */
export interface HostedPrinterOptions {
  /** OS printer name. */
  printerName: string;
  /** Name reported in status; default `printerName`. */
  name?: string;
}

/**
 * An {@link A4Printer} over a host-supplied spooler (Windows through
 * Electron): same status mapping and same refusal rules as the CUPS printer
 * (a printer that is not ready rejects before anything is submitted). Errors
 * from the host pass through unchanged.
 */
export function openHostedPrinter(host: A4PrintHost, options: HostedPrinterOptions): A4Printer {
  const base = () => ({ device: 'a4Printer' as const, name: options.name ?? options.printerName, simulated: false, updatedAt: new Date().toISOString() });
  return {
    async status(): Promise<DeviceStatus> {
      const raw = await host.getPrinterState(options.printerName);
      if (!raw) return { ...base(), state: 'noDevice', error: 'printer not found' };
      const m = mapPrinterState(raw);
      return { ...base(), state: m.state, paper: m.paper, coverOpen: m.coverOpen, error: m.error };
    },
    async printPdf(pdf: Uint8Array, printOptions: PrintPdfOptions = {}): Promise<PrintPdfResult> {
      const raw = await host.getPrinterState(options.printerName);
      const m = raw ? mapPrinterState(raw) : { state: 'noDevice' as const, paper: 'unknown' as const, coverOpen: false, error: 'printer not found', failure: 'offline' as const };
      if (m.failure) throw notReadyError(options.printerName, m);
      const r = await host.printPdf(pdf, {
        printerName: options.printerName,
        jobName: printOptions.jobName ?? 'kiosk-document',
        timeoutMs: printOptions.timeoutMs ?? 120_000,
        onState: printOptions.onState,
      });
      return r.state === 'completed' ? { jobId: r.jobId, state: 'completed', reason: null, detail: null } : { jobId: r.jobId, state: r.state, reason: r.reason ?? 'spooler', detail: r.detail };
    },
  };
}
