import type { DeviceStatus, ServiceSummary } from '../../../common/contract/schemas';
import { isKioskErrorCode, type KioskErrorCode } from '../../../common/contract/errors';
import type { FlowContext } from './flow-types';

/** Statuses of every configured device of one class. */
function ofClass(devices: Record<string, DeviceStatus>, device: DeviceStatus['device']): DeviceStatus[] {
  return Object.values(devices).filter((d) => d.device === device);
}

/**
 * True when at least one ID-card reader is online. With no reader known at all
 * (e.g. `devices.list` failed) the card route is still offered.
 */
export function isCardReaderAvailable(devices: Record<string, DeviceStatus>): boolean {
  const readers = ofClass(devices, 'idcard');
  if (readers.length === 0) return true;
  return readers.some((d) => d.state === 'online' || d.state === 'busy');
}

/**
 * True when a camera is online. Unlike the card reader, none known means
 * none: the camera is configured per site (`devices.camera`), and a kiosk
 * without one never offers what needs it.
 */
export function isCameraAvailable(devices: Record<string, DeviceStatus>): boolean {
  return ofClass(devices, 'camera').some((d) => d.state === 'online' || d.state === 'busy');
}

/**
 * True when the face route (刷脸) is offered: a camera is online and the
 * platform is reachable (the 1:1 comparison is the platform's, against the
 * reference photo it holds). Otherwise the alternatives are the only routes.
 */
export function isFaceRouteOffered(context: Pick<FlowContext, 'devices' | 'connectivity'>): boolean {
  return isCameraAvailable(context.devices) && context.connectivity !== 'offline';
}

/** True when a receipt printer is online and has paper (near-end still prints). */
export function isReceiptPrinterReady(devices: Record<string, DeviceStatus>): boolean {
  const printers = ofClass(devices, 'receiptPrinter');
  if (printers.length === 0) return true;
  return printers.some((d) => (d.state === 'online' || d.state === 'busy') && d.paper !== 'out' && d.coverOpen !== true);
}

/** True when an A4 printer is online and has paper. Unlike the receipt printer, none known means none: certificates need one. */
export function isA4PrinterReady(devices: Record<string, DeviceStatus>): boolean {
  return ofClass(devices, 'a4Printer').some((d) => (d.state === 'online' || d.state === 'busy') && d.paper !== 'out');
}

/** True when the service can be started now: any service online, only queueable ones offline. */
export function isServiceAvailable(service: Pick<ServiceSummary, 'queueable'>, connectivity: FlowContext['connectivity']): boolean {
  return connectivity !== 'offline' || service.queueable;
}

/** The stable error code of anything a KioskApi call threw (works across transports that lose the class). */
export function errorCodeOf(error: unknown): KioskErrorCode {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (isKioskErrorCode(code)) return code;
  }
  return 'internal';
}

/**
 * Receipt numbers of what this session has already submitted (saved in the
 * terminal's store, delivered or queued): one for a single item, one per item
 * of a bundle; empty before a submission. After a submission there is nothing
 * left to cancel: the session can only be finished, and the application stays.
 */
export function submittedReceipts(context: Pick<FlowContext, 'result' | 'bundle'>): string[] {
  const items = context.bundle?.result?.items;
  if (items && items.length > 0) return items.map((i) => i.receiptNumber);
  return context.result ? [context.result.receiptNumber] : [];
}
