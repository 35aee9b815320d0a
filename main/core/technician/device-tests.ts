import type { TechnicianA4Test, TechnicianCardTest, TechnicianScanTest, ScanPayloadType } from '../../../common/contract/technician-schemas';
import { isValidIdNumber } from '../../../common/domain/id-number';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import { a4TestPagePdf, type A4Printer } from '../../../drivers/a4-printer/index';
import { DeviceError } from '../../../drivers/base/errors';
import type { IdCardReader } from '../../../drivers/idcard/index';
import type { Scanner } from '../../../drivers/scanner/interface';

/** Longest wait of the A4 test page for the spooler's final job state, ms: 60 000. */
export const A4_TEST_TIMEOUT_MS = 60_000;

/** The error kind of a device failure (`DeviceError.kind`, else the error's name), at most 40 characters. */
function failureKind(e: unknown): string {
  if (e instanceof DeviceError) return e.kind;
  return (e instanceof Error ? e.name : 'Error').slice(0, 40);
}

/**
 * Reads the card on the reader (waiting up to `waitMs` for one) and answers
 * its fields masked as the public screen masks them: name 张*, ID number
 * 1101**********0015, the card type and whether it has expired; the address
 * and the photo are never sent. No card in time is `no-card`; a reader
 * error is `failed` with its kind. Never throws.
 */
export async function testCardRead(reader: IdCardReader | null, waitMs: number, now: () => number = Date.now): Promise<TechnicianCardTest> {
  const start = now();
  const elapsed = () => Math.max(0, Math.round(now() - start));
  if (!reader) return { state: 'failed', reason: 'offline', fields: [], elapsedMs: 0 };
  try {
    const card = await reader.read({ waitMs });
    return {
      state: 'read',
      reason: null,
      fields: [
        { label: '姓名', value: maskName(card.name) },
        { label: '证件号', value: maskIdNumber(card.idNumber) },
        { label: '证件类型', value: card.cardType.slice(0, 80) },
        { label: '有效期', value: card.expired ? '已过期' : '有效' },
      ],
      elapsedMs: elapsed(),
    };
  } catch (e) {
    const kind = failureKind(e);
    return { state: kind === 'NoMedia' ? 'no-card' : 'failed', reason: kind, fields: [], elapsedMs: elapsed() };
  }
}

/** What a scanned payload looks like: a URL, an ID number (valid check digit), other digits, or text. */
export function scanPayloadType(payload: string): ScanPayloadType {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(payload)) return 'url';
  if (/^\d{17}[\dXx]$/.test(payload) && isValidIdNumber(payload)) return 'id-number';
  if (/^\d+$/.test(payload)) return 'digits';
  return 'text';
}

/** A payload masked for the technician: the first two and last two characters around `*` (at most 36), or all `*` when 6 characters or fewer. */
export function maskScanPayload(payload: string): string {
  const chars = Array.from(payload);
  if (chars.length <= 6) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(36, chars.length - 4))}${chars.slice(-2).join('')}`;
}

/**
 * Waits up to `waitMs` for the next scan and answers its type, length and
 * masked form (the payload itself never leaves the core). No scan in time is
 * `no-scan`; no scanner attached is `failed` (`offline`). Never throws.
 */
export function testScan(scanner: Scanner | null, waitMs: number, now: () => number = Date.now): Promise<TechnicianScanTest> {
  const start = now();
  const elapsed = () => Math.max(0, Math.round(now() - start));
  if (!scanner) return Promise.resolve({ state: 'failed', reason: 'offline', payloadType: null, length: 0, masked: null, elapsedMs: 0 });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve({ state: 'no-scan', reason: null, payloadType: null, length: 0, masked: null, elapsedMs: elapsed() });
    }, waitMs);
    const off = scanner.on('scanned', ({ payload }) => {
      clearTimeout(timer);
      off();
      resolve({ state: 'scanned', reason: null, payloadType: scanPayloadType(payload), length: Array.from(payload).length, masked: maskScanPayload(payload), elapsedMs: elapsed() });
    });
  });
}

/**
 * Prints the A4 test page through the printer the kiosk prints certificates
 * with (IPP to CUPS on Linux, the shell's spooler host on Windows) and
 * answers the spooler's final state. No A4 printer is `failed` (`offline`);
 * a refusal before submitting is `failed` with the `DeviceError` kind. Never throws.
 */
export async function testA4Page(printer: A4Printer | null, deviceId: string, now: () => number = Date.now): Promise<TechnicianA4Test> {
  const start = now();
  const elapsed = () => Math.max(0, Math.round(now() - start));
  if (!printer) return { state: 'failed', reason: 'offline', jobId: null, elapsedMs: 0 };
  try {
    const r = await printer.printPdf(a4TestPagePdf(deviceId, new Date(start)), { jobName: 'kiosk-a4-test-page', timeoutMs: A4_TEST_TIMEOUT_MS });
    return r.state === 'completed' ? { state: 'done', reason: null, jobId: r.jobId, elapsedMs: elapsed() } : { state: 'failed', reason: r.reason ?? r.state, jobId: r.jobId, elapsedMs: elapsed() };
  } catch (e) {
    return { state: 'failed', reason: failureKind(e), jobId: null, elapsedMs: elapsed() };
  }
}
