import type { SpoolerPrinterState } from './printer-state-map';

/** Windows `PRINTER_STATUS_*` flags (winspool.h) and the IPP reason each maps to. */
const FLAG_REASONS: Array<[number, string]> = [
  [0x00000001, 'paused'],
  [0x00000002, 'other-error'],
  [0x00000008, 'media-jam-error'],
  [0x00000010, 'media-empty-error'],
  [0x00000040, 'media-needed-error'],
  [0x00000080, 'offline-report'],
  [0x00000800, 'output-area-full-error'],
  [0x00001000, 'offline-report'],
  [0x00020000, 'toner-low-warning'],
  [0x00040000, 'toner-empty-error'],
  [0x00400000, 'door-open-error'],
  [0x00800000, 'offline-report'],
];

/** BUSY, PRINTING, PROCESSING, IO_ACTIVE: the printer is working. */
const ACTIVE = 0x00000200 | 0x00000400 | 0x00004000 | 0x00000100;

/**
 * Converts Windows `PRINTER_INFO_2.Status` flags to the spooler state model
 * used by `mapPrinterState`, so both platforms map status the same way.
 * Unknown flags are ignored; 0 is an idle, healthy printer.
 */
export function windowsStatusToSpoolerState(flags: number): SpoolerPrinterState {
  const reasons = [...new Set(FLAG_REASONS.filter(([bit]) => (flags & bit) !== 0).map(([, reason]) => reason))];
  return {
    printerState: flags & 0x00000001 ? 5 : flags & ACTIVE ? 4 : 3,
    reasons: reasons.length ? reasons : ['none'],
    acceptingJobs: null,
  };
}
