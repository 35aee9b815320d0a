import type { DeviceState, PaperState } from '../../common/contract/schemas';
import type { A4FailureReason } from './interface';

/** What the spooler says about a printer (IPP Get-Printer-Attributes). */
export interface SpoolerPrinterState {
  /** `printer-state`: 3 idle, 4 processing, 5 stopped; null when not reported. */
  printerState: number | null;
  /** `printer-state-reasons` keywords, suffixes included (e.g. `media-empty-error`). */
  reasons: string[];
  /** `printer-is-accepting-jobs`; null when not reported. */
  acceptingJobs: boolean | null;
}

/** The uniform status fields derived from {@link SpoolerPrinterState}. */
export interface MappedPrinterState {
  state: DeviceState;
  paper: PaperState;
  coverOpen: boolean;
  /** Short English reason when not online/busy, else null. */
  error: string | null;
  /** Failure code when the printer cannot print now, else null. */
  failure: A4FailureReason | null;
}

type Severity = 'error' | 'warning' | 'report';

/** Splits `media-empty-error` into `media-empty` + `error` (RFC 8011 §5.4.12: no suffix means error). */
export function splitReason(reason: string): { keyword: string; severity: Severity } {
  const m = /^(.*)-(error|warning|report)$/.exec(reason);
  return m ? { keyword: m[1]!, severity: m[2] as Severity } : { keyword: reason, severity: 'error' };
}

const PAPER_OUT = new Set(['media-empty', 'media-needed', 'input-tray-missing']);
const COVER_OPEN = new Set(['door-open', 'cover-open', 'interlock-open']);
const OFFLINE = new Set(['offline', 'connecting-to-device', 'timed-out', 'paused', 'moving-to-paused', 'shutdown', 'cups-waiting-for-job-completed']);
const HARDWARE = new Set([
  'media-jam',
  'marker-supply-empty',
  'toner-empty',
  'marker-waste-full',
  'fuser-over-temp',
  'fuser-under-temp',
  'output-area-full',
  'output-tray-missing',
  'spool-area-full',
  'cups-missing-filter',
]);

/**
 * Maps CUPS / IPP printer state to the uniform status model:
 * - `media-empty`, `media-needed` → `userError`, paper `out`; `media-low` (any severity) → paper `near-end`
 * - `door-open`, `cover-open`, `interlock-open` → `userError`, `coverOpen`
 * - `media-jam`, toner/marker empty or full, fuser faults, `output-area-full`, other `-error` reasons → `hardwareError`
 * - `offline` (CUPS says `offline-report`), `connecting-to-device`, `timed-out`, `paused` (cupsdisable), `shutdown`,
 *   `printer-state` stopped, or not accepting jobs (cupsreject) → `offline`
 * - otherwise `busy` while processing, `online` when idle.
 * Precedence: hardwareError, then userError, then offline, so the status names
 * what a technician must fix. Other `-report` reasons and unknown `-warning` reasons are ignored.
 */
export function mapPrinterState(s: SpoolerPrinterState): MappedPrinterState {
  let paper: PaperState = 'ok';
  let coverOpen = false;
  let hardware: string | null = null;
  let offline: string | null = null;
  for (const raw of s.reasons) {
    if (raw === 'none') continue;
    const { keyword, severity } = splitReason(raw);
    if (keyword === 'media-low') {
      if (paper === 'ok') paper = 'near-end';
      continue;
    }
    // CUPS backends flag an unreachable printer as `offline-report`: honoured at any severity.
    if (OFFLINE.has(keyword)) offline ??= keyword;
    else if (severity === 'report') continue;
    else if (PAPER_OUT.has(keyword)) paper = 'out';
    else if (COVER_OPEN.has(keyword)) coverOpen = true;
    else if (HARDWARE.has(keyword) || severity === 'error') {
      if (severity !== 'warning') hardware ??= keyword;
    }
  }
  if (s.printerState === 5) offline ??= 'stopped';
  if (s.acceptingJobs === false) offline ??= 'not accepting jobs';
  if (hardware) return { state: 'hardwareError', paper, coverOpen, error: hardware, failure: 'hardware-error' };
  if (paper === 'out') return { state: 'userError', paper, coverOpen, error: 'paper out', failure: 'paper-out' };
  if (coverOpen) return { state: 'userError', paper, coverOpen, error: 'cover open', failure: 'cover-open' };
  if (offline) return { state: 'offline', paper, coverOpen, error: offline, failure: 'offline' };
  return { state: s.printerState === 4 ? 'busy' : 'online', paper, coverOpen, error: null, failure: null };
}
