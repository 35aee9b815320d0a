import type { A4FailureReason, A4FinalJobState, A4JobState } from './interface';
import type { SpoolerPrinterState } from './printer-state-map';

/**
 * The slot for the Windows implementation: the Electron shell (main/electron)
 * implements this over Electron's printing API (a hidden window showing the
 * PDF, `webContents.print({ silent: true, deviceName })`, the OS spooler's
 * printer list) and hands it to {@link openHostedPrinter}. Drivers never
 * import Electron; this interface is the whole contract.
 */
export interface A4PrintHost {
  /**
   * Prints `pdf` silently on `printerName` and resolves with the job's final
   * state (`jobId` may be 0 when the OS does not expose one). Calls `onState`
   * on changes it can observe. Rejects with a `DeviceError` when the job could
   * not be submitted; must settle within `timeoutMs` (ms). `reason` says why
   * a job did not complete when the host knows (e.g. `timeout`); absent, the
   * printer reports `spooler`.
   */
  printPdf(
    pdf: Uint8Array,
    options: { printerName: string; jobName: string; timeoutMs: number; onState?: (state: A4JobState) => void },
  ): Promise<{ jobId: number; state: A4FinalJobState; detail: string | null; reason?: A4FailureReason }>;
  /**
   * The printer as the OS spooler reports it, in IPP vocabulary (Windows
   * status flags convert with `windowsStatusToSpoolerState`), or null when no
   * printer of that name exists.
   */
  getPrinterState(printerName: string): Promise<SpoolerPrinterState | null>;
}
