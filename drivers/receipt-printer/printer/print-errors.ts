import { DeviceError } from '../../base/errors';
import type { PrinterCondition } from '../parsers/status-bytes';

/**
 * Journal reason codes for a failed receipt (PrintJob.reason): the
 * DeviceError's `classCode` carries one of these.
 */
export type PrintFailureReason = 'paper-out' | 'cover-open' | 'offline' | 'cutter-error' | 'hardware-error' | 'timeout' | 'disconnected';

/**
 * The error that stops printing in `condition`, or null when the printer
 * can print (near-end paper still prints). Paper out → PaperOut, cover open
 * → CoverOpen, cutter/mechanical/unrecoverable → HardwareError, offline
 * for another reason → DeviceNotReady.
 */
export function conditionError(condition: PrinterCondition): DeviceError | null {
  if (condition.paper === 'out') return new DeviceError('PaperOut', 'paper out', { classCode: 'paper-out', messageZh: '打印纸用完' });
  if (condition.coverOpen) return new DeviceError('CoverOpen', 'cover open', { classCode: 'cover-open', messageZh: '打印机盖未关好' });
  if (condition.error) {
    const cutter = condition.error === 'cutter error';
    return new DeviceError('HardwareError', condition.error, { classCode: cutter ? 'cutter-error' : 'hardware-error', messageZh: cutter ? '切刀故障' : '打印机故障' });
  }
  if (!condition.online) return new DeviceError('DeviceNotReady', 'printer offline', { classCode: 'offline', messageZh: '打印机离线' });
  return null;
}

/** A DeviceTimeout for a printer that did not answer within `ms` milliseconds. */
export function noResponse(ms: number, what: string): DeviceError {
  return new DeviceError('DeviceTimeout', `no response from printer to ${what} within ${ms} ms`, { classCode: 'timeout', messageZh: '打印机无响应' });
}

/** A DeviceDisconnected for a closed port. */
export function disconnected(): DeviceError {
  return new DeviceError('DeviceDisconnected', 'printer port closed', { classCode: 'disconnected', messageZh: '打印机已断开' });
}

/**
 * The journal reason for any error thrown by `print()`: the DeviceError's
 * classCode when it has one, else `hardware-error`.
 */
export function printFailureReason(error: unknown): PrintFailureReason {
  if (error instanceof DeviceError && error.classCode) return error.classCode as PrintFailureReason;
  if (error instanceof DeviceError && error.kind === 'DeviceDisconnected') return 'disconnected';
  if (error instanceof DeviceError && error.kind === 'DeviceTimeout') return 'timeout';
  return 'hardware-error';
}
