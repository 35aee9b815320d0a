import type { HidReportSource } from './hid-report-source';
import type { Scanner, ScannerOptions } from './interface';
import { HidPosAssembler } from './parsers/hid-pos-assembler';
import { DEFAULT_HID_POS_LAYOUT, type HidPosLayout } from './parsers/hid-pos-report';
import { ScannerBase } from './scanner-base';

/** Options of {@link openHidScanner}. */
export interface HidScannerOptions extends ScannerOptions {
  /** Report layout; default {@link DEFAULT_HID_POS_LAYOUT}. */
  layout?: HidPosLayout;
}

/**
 * A scanner in USB HID-POS mode over any {@link HidReportSource}. Reports are
 * joined by their continuation flag, decoded as UTF-8 and validated like the
 * serial mode: `scanned`, or `rejected` with `InvalidData` (bad payload) or
 * `ProtocolError` (malformed report). The AIM symbology identifier is not
 * part of the payload. Status goes `offline` when the source closes.
 */
export function openHidScanner(source: HidReportSource, options: HidScannerOptions): Scanner {
  const scanner = new ScannerBase(options, () => source.close());
  const assembler = new HidPosAssembler(scanner.maxLength * 3, options.layout ?? DEFAULT_HID_POS_LAYOUT);
  const offReport = source.onReport((report) => {
    const result = assembler.push(report);
    if (result.kind === 'payload') scanner.deliver(result.bytes);
    else if (result.kind === 'overflow') scanner.rejectOverflow(result.bytes);
    else if (result.kind === 'error') scanner.reject(result.error);
  });
  source.onClose((error) => {
    offReport();
    scanner.markOffline(error ? error.message : 'device closed');
  });
  return scanner;
}
