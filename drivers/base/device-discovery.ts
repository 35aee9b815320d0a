import { SerialPort } from 'serialport';
import type { DiscoveredDevices, DiscoveredSerial } from '../../common/contract/technician-schemas';

/** What the operating system lists: serial ports (with USB ids when USB) and HID devices. */
export type DiscoveredHardware = Omit<DiscoveredDevices, 'assignments'>;

/** One serial port as serialport's `PortInfo` gives it (the fields used here). */
export interface ListedPortInfo {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  serialNumber?: string | undefined;
}

/** Lists serial ports; default serialport's `SerialPort.list()` (sysfs/udev, SetupAPI, IOKit). */
export type PortInfoLister = () => Promise<ListedPortInfo[]>;

/** One HID device as node-hid lists it (the fields used here). */
export interface ListedHidInfo {
  vendorId: number;
  productId: number;
  product?: string | undefined;
  usagePage?: number | undefined;
}

/** Lists HID devices; default node-hid's `devices()`, loaded on first use (an optional native module). */
export type HidLister = () => Promise<ListedHidInfo[]>;

const serialLister: PortInfoLister = () => SerialPort.list();
const hidLister: HidLister = async () => (await import('node-hid')).devices();

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
const hexOrNull = (v: string | undefined): string | null => (v && /^(0x)?[0-9a-fA-F]{4}$/.test(v) ? v.replace(/^0x/, '').toLowerCase() : null);

/**
 * The serial ports and HID devices attached now, for `kioskctl devices list`
 * and the technician's assignment screen (main/core). A lister that fails (no udev, no
 * native HID module) gives an empty list for its part; never throws.
 */
export async function discoverDevices(listers: { serial?: PortInfoLister; hid?: HidLister } = {}): Promise<DiscoveredHardware> {
  const [serial, hid] = await Promise.all([(listers.serial ?? serialLister)().catch(() => []), (listers.hid ?? hidLister)().catch(() => [])]);
  return {
    serial: serial.slice(0, 64).map(
      (p): DiscoveredSerial => ({
        path: p.path.slice(0, 200),
        vendorId: hexOrNull(p.vendorId),
        productId: hexOrNull(p.productId),
        serialNumber: p.serialNumber?.slice(0, 128) ?? null,
        manufacturer: p.manufacturer?.slice(0, 120) ?? null,
      }),
    ),
    hid: hid.slice(0, 64).map((d) => ({ vendorId: hex4(d.vendorId), productId: hex4(d.productId), product: d.product?.slice(0, 120) ?? null, usagePage: d.usagePage ?? null })),
  };
}
