import HID from 'node-hid';
import { DeviceError } from '../base/errors';
import { TypedEmitter } from '../base/typed-emitter';
import type { HidReportSource } from './hid-report-source';

/** Which HID device to open: a path from `listHidPosScanners()`, or a vendor/product id pair. */
export type HidDeviceSelector = { path: string } | { vendorId: number; productId: number };

/** HID usage page of POS barcode scanners (HID Point of Sale usage tables). */
export const HID_POS_BARCODE_USAGE_PAGE = 0x8c;

/** HID devices on the barcode-scanner usage page (0x8C). Returns [] when none; never throws for an empty bus. */
export async function listHidPosScanners(): Promise<HID.Device[]> {
  const all = await HID.devicesAsync();
  return all.filter((d) => d.usagePage === HID_POS_BARCODE_USAGE_PAGE);
}

/**
 * Opens a HID-POS device with `node-hid` (non-exclusive) and adapts it to
 * {@link HidReportSource}. Rejects with `PortOpenFailed` when it cannot be
 * opened; a read error (unplugged) closes the source with `DeviceDisconnected`.
 */
export async function openNodeHidSource(selector: HidDeviceSelector): Promise<HidReportSource> {
  let device: HID.HIDAsync;
  const label = 'path' in selector ? selector.path : `${selector.vendorId.toString(16)}:${selector.productId.toString(16)}`;
  try {
    device = 'path' in selector ? await HID.HIDAsync.open(selector.path, { nonExclusive: true }) : await HID.HIDAsync.open(selector.vendorId, selector.productId, { nonExclusive: true });
  } catch (e) {
    throw new DeviceError('PortOpenFailed', `cannot open HID device ${label}: ${(e as Error).message}`, { messageZh: '无法打开扫码枪', cause: e });
  }
  const events = new TypedEmitter<{ report: Uint8Array; close: Error | null }>();
  let open = true;
  const finish = (error: Error | null) => {
    if (!open) return;
    open = false;
    events.emit('close', error);
    events.clear();
  };
  device.on('data', (data: Buffer) => events.emit('report', new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  device.on('error', (e: Error) => {
    finish(new DeviceError('DeviceDisconnected', `HID device ${label} failed: ${e.message}`, { messageZh: '扫码枪已断开', cause: e }));
    device.close().catch(() => {});
  });
  return {
    onReport: (l) => events.on('report', l),
    onClose: (l) => events.on('close', l),
    async close() {
      if (!open) return;
      finish(null);
      await device.close();
    },
  };
}
