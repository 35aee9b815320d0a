/** Public surface of the A4 printer driver (OS spooler): what main/core imports. */
export type { A4FailureReason, A4FinalJobState, A4JobState, A4Printer, PrintPdfOptions, PrintPdfResult } from './interface';
export { openCupsPrinter, type CupsPrinterOptions } from './cups-printer';
export { openHostedPrinter, type HostedPrinterOptions } from './hosted-printer';
export type { A4PrintHost } from './print-host';
export { mapPrinterState, type MappedPrinterState, type SpoolerPrinterState } from './printer-state-map';
export { windowsStatusToSpoolerState } from './windows-printer-status';
export { a4TestPagePdf, makeTextPdf } from './test-page-pdf';
