import { SerialPort } from 'serialport';
import { DeviceError } from './errors';

/** One serial port as the operating system lists it (serialport's `PortInfo`, the fields used here). */
export interface ListedSerialPort {
  path: string;
  /** USB vendor id as 4 hex digits, when the port is a USB device. */
  vendorId?: string | undefined;
  /** USB product id as 4 hex digits. */
  productId?: string | undefined;
  /** USB serial number (iSerialNumber), when the device has one. */
  serialNumber?: string | undefined;
}

/** Lists the serial ports present now. The default is serialport's `SerialPort.list()` (sysfs/udev, SetupAPI, IOKit). */
export type SerialPortLister = () => Promise<ListedSerialPort[]>;

/** Which USB device a configured serial device is: ids as 4 hex digits (case-insensitive), serial number when several identical devices are attached. */
export interface UsbDeviceMatch {
  vendorId: string;
  productId: string;
  serialNumber?: string | undefined;
}

/** The operating system's serial port list through the real serialport binding. */
export const listSerialPorts: SerialPortLister = async () => (await SerialPort.list()).map((p) => ({ path: p.path, vendorId: p.vendorId, productId: p.productId, serialNumber: p.serialNumber }));

function sameId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase().replace(/^0x/, '') === b.toLowerCase().replace(/^0x/, '');
}

/**
 * The path of a configured serial device now. Without `usb` it is `port`.
 * With `usb` the port list is asked for the device by vendor/product id and
 * serial number, so a device that re-enumerated to another `/dev/ttyUSB*`
 * or COM number is found again; when several ports match, the configured
 * `port` wins if it is one of them, else the first listed. Rejects
 * `PortOpenFailed` when neither `usb` matches nor `port` is configured;
 * with a `port` configured and no USB match, the configured path is
 * returned (opening it then says whether it exists).
 */
export async function findSerialPath(device: { port?: string | undefined; usb?: UsbDeviceMatch | undefined }, list: SerialPortLister = listSerialPorts): Promise<string> {
  const { port, usb } = device;
  if (!usb) {
    if (!port) throw new DeviceError('PortOpenFailed', 'no serial port configured', { messageZh: '没有配置串口' });
    return port;
  }
  const listed = await list().catch(() => [] as ListedSerialPort[]);
  const matches = listed.filter((p) => sameId(p.vendorId, usb.vendorId) && sameId(p.productId, usb.productId) && (usb.serialNumber === undefined || p.serialNumber === usb.serialNumber));
  const chosen = matches.find((p) => p.path === port) ?? matches[0];
  if (chosen) return chosen.path;
  if (port) return port;
  const id = `${usb.vendorId}:${usb.productId}${usb.serialNumber ? ` serial ${usb.serialNumber}` : ''}`;
  throw new DeviceError('PortOpenFailed', `USB device ${id} is not attached`, { messageZh: `没有找到 USB 设备 ${id}` });
}
