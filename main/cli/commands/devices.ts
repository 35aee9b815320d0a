import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { findSerialPath, type UsbDeviceMatch } from '../../../drivers/base/usb-port-finder';
import { loadConfig } from '../../core/config';
import { parseCommandArgs } from '../args';
import { EXIT, type CliCommand } from '../cli-types';
import { table } from '../text-table';

const USAGE = `kioskctl devices list [--data-dir DIR] [--json]

Lists serial ports, HID devices, and the configured devices with their status:
"simulated" (in-process simulator), "present" (the configured port exists),
"noDevice" (the configured port is missing, or no device at this site), or
"configured" (a network printer or spooler queue; test it with kioskctl printer
status / print-pdf).

Exit status: 0 listed, 2 usage.`;

interface ConfiguredDevice {
  name: string;
  mode: string;
  port: string | null;
  status: 'simulated' | 'present' | 'noDevice' | 'configured';
}

async function listSerial(): Promise<Array<{ path: string; manufacturer: string | null; vendorId: string | null; productId: string | null; serialNumber: string | null }>> {
  try {
    const ports = await SerialPort.list();
    return ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null, vendorId: p.vendorId ?? null, productId: p.productId ?? null, serialNumber: p.serialNumber ?? null }));
  } catch {
    return [];
  }
}

async function listHid(): Promise<Array<{ path: string | null; vendorId: number; productId: number; product: string | null; usagePage: number | null }>> {
  try {
    const hid = await import('node-hid');
    return hid.devices().map((d) => ({ path: d.path ?? null, vendorId: d.vendorId, productId: d.productId, product: d.product ?? null, usagePage: d.usagePage ?? null }));
  } catch {
    return [];
  }
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** `kioskctl devices list`. */
export const devicesCommand: CliCommand = {
  name: 'devices',
  summary: 'list serial ports, HID devices and the configured devices with their status',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals[0] !== 'list' || positionals.length !== 1) {
      io.stderr(`${USAGE}\n`);
      return EXIT.usage;
    }
    const config = loadConfig(typeof values['data-dir'] === 'string' ? { dataDir: values['data-dir'] } : {});
    const [serial, hid] = await Promise.all([listSerial(), listHid()]);
    const listed = async () => serial.map((p) => ({ path: p.path, vendorId: p.vendorId ?? undefined, productId: p.productId ?? undefined, serialNumber: p.serialNumber ?? undefined }));
    // A device configured by USB ids is shown at the path it has now (it may have re-enumerated).
    const where = (d: { mode: string; port?: string | undefined; usb?: UsbDeviceMatch | undefined }) => (d.mode === 'sim' ? Promise.resolve(d.port ?? null) : findSerialPath(d, listed).catch(() => d.port ?? null));
    const serialStatus = (mode: string, port: string | null): ConfiguredDevice['status'] => (mode === 'sim' ? 'simulated' : port && existsSync(port) ? 'present' : 'noDevice');
    const { idcard, receiptPrinter, scanner, a4Printer } = config.devices;
    const [idcardPort, printerPort, scannerPort] = await Promise.all([where(idcard), where(receiptPrinter), where(scanner)]);
    const configured: ConfiguredDevice[] = [
      { name: 'idcard', mode: idcard.mode, port: idcardPort, status: serialStatus(idcard.mode, idcardPort) },
      receiptPrinter.mode === 'tcp'
        ? { name: 'receiptPrinter', mode: 'tcp', port: `${receiptPrinter.host ?? ''}:${receiptPrinter.tcpPort}`, status: 'configured' }
        : { name: 'receiptPrinter', mode: receiptPrinter.mode, port: printerPort, status: serialStatus(receiptPrinter.mode, printerPort) },
      { name: 'scanner', mode: scanner.mode, port: scannerPort, status: serialStatus(scanner.mode, scannerPort) },
      { name: 'a4Printer', mode: a4Printer.mode, port: a4Printer.mode === 'cups' ? `ipp://${a4Printer.host}:${a4Printer.port}/printers/${a4Printer.printerName}` : null, status: a4Printer.mode === 'none' ? 'noDevice' : 'configured' },
    ];
    if (values.json) {
      io.stdout(JSON.stringify({ serialPorts: serial, hidDevices: hid, configured }) + '\n');
      return EXIT.ok;
    }
    io.stdout('串口 / serial ports:\n');
    io.stdout(table(serial.map((p) => [p.path, p.manufacturer ?? '', p.vendorId ? `${p.vendorId}:${p.productId ?? ''}` : '', p.serialNumber ?? ''])) || '  (none)\n');
    io.stdout('HID 设备 / HID devices:\n');
    io.stdout(table(hid.map((d) => [`${hex4(d.vendorId)}:${hex4(d.productId)}`, d.product ?? '', d.path ?? ''])) || '  (none)\n');
    io.stdout('已配置设备 / configured devices:\n');
    io.stdout(table(configured.map((d) => [d.name, d.mode, d.port ?? '-', d.status])));
    return EXIT.ok;
  },
};
