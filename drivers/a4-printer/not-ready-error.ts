import { DeviceError, type DeviceErrorKind } from '../base/errors';
import type { A4FailureReason } from './interface';
import type { MappedPrinterState } from './printer-state-map';

/** Error kind and Chinese meaning per failure reason. */
export const FAILURE_MEANINGS: Record<A4FailureReason, { kind: DeviceErrorKind; zh: string }> = {
  'paper-out': { kind: 'PaperOut', zh: '打印机缺纸' },
  'cover-open': { kind: 'CoverOpen', zh: '打印机盖板打开' },
  offline: { kind: 'DeviceNotReady', zh: '打印机离线或已停用' },
  'hardware-error': { kind: 'HardwareError', zh: '打印机故障' },
  timeout: { kind: 'DeviceTimeout', zh: '打印超时' },
  spooler: { kind: 'ProtocolError', zh: '打印服务拒绝了打印任务' },
};

/**
 * The typed error for "this printer cannot print now": kind from the failure
 * (`PaperOut`, `CoverOpen`, `DeviceNotReady`, `HardwareError`), `classCode` =
 * the failure reason, English message naming the printer and the spooler's reason.
 */
export function notReadyError(printerName: string, state: MappedPrinterState): DeviceError {
  const failure = state.failure ?? 'offline';
  const { kind, zh } = FAILURE_MEANINGS[failure];
  return new DeviceError(kind, `printer ${printerName} not ready: ${state.error ?? failure}`, { classCode: failure, messageZh: zh });
}
