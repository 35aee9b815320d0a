import type { DeviceStatus } from '../../common/contract/schemas';

/** IPP job states (RFC 8011 `job-state`), as keywords. */
export type A4JobState = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

/** The job states that end a job. */
export type A4FinalJobState = 'completed' | 'aborted' | 'canceled';

/** Why a job did not complete; the same codes as the receipt printer where they overlap. */
export type A4FailureReason = 'paper-out' | 'cover-open' | 'offline' | 'hardware-error' | 'timeout' | 'spooler';

/** Options of {@link A4Printer.printPdf}. */
export interface PrintPdfOptions {
  /** Job name shown in the spooler (and cups-pdf's file name); default `kiosk-document`. Never put personal data in it. */
  jobName?: string;
  /** Called on every job-state change, first with the state Print-Job returned. */
  onState?: (state: A4JobState) => void;
  /** Longest wait for a final state, in ms; default 120 000. On expiry the job is cancelled. */
  timeoutMs?: number;
}

/** Outcome of {@link A4Printer.printPdf}. */
export interface PrintPdfResult {
  /** The spooler's job id. */
  jobId: number;
  state: A4FinalJobState;
  /** Null when completed; else why (e.g. `paper-out` when the printer stopped mid-job). */
  reason: A4FailureReason | null;
  /** Short English detail for technicians (spooler reasons / message), or null. */
  detail: string | null;
}

/**
 * An A4 printer behind the operating system's spooler. Linux: `openCupsPrinter`
 * (IPP to CUPS). Windows: `openHostedPrinter` over an `A4PrintHost`
 * the Electron shell supplies.
 */
export interface A4Printer {
  /**
   * Submits a PDF and waits for the job's final state. Rejects with a
   * `DeviceError` without submitting when the printer is not ready
   * (`PaperOut`, `CoverOpen`, `DeviceNotReady` for offline/stopped or an
   * unknown printer, `HardwareError`), with `PortOpenFailed`
   * (`spooler-unreachable`) when the spooler cannot be reached, and with
   * `DeviceTimeout` when the job neither finished nor could be cancelled in time.
   * A printer failing mid-job cancels the job and resolves `aborted` with a reason.
   */
  printPdf(pdf: Uint8Array, options?: PrintPdfOptions): Promise<PrintPdfResult>;
  /** The printer's uniform status (device `a4Printer`). Rejects only when the spooler is unreachable. */
  status(): Promise<DeviceStatus>;
}
