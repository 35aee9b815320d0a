import type { DeviceStatus } from '../../../common/contract/schemas';
import type { BytePort } from '../../../drivers/base/byte-port';
import { openSerialBytePort } from '../../../drivers/base/serial-byte-port';
import { findSerialPath, listSerialPorts, type SerialPortLister } from '../../../drivers/base/usb-port-finder';
import { openIdCardReader, type IdCardReader } from '../../../drivers/idcard/index';
import { openTcpBytePort } from '../../../drivers/base/tcp-byte-port';
import { openReceiptPrinter, type ReceiptPrinter } from '../../../drivers/receipt-printer/index';
import { openSerialScanner } from '../../../drivers/scanner/serial-scanner';
import type { Scanner } from '../../../drivers/scanner/interface';
import { openCupsPrinter, type A4Printer } from '../../../drivers/a4-printer/index';
import { v4l2CameraLister, watchCamera, type CameraWatcher } from '../../../drivers/camera/index';
import type { KioskConfig } from '../config';
import type { DeviceRegistry } from './device-registry';
import { SimulatedDevices } from './simulated-devices';

/** How often a missing real device is looked for again, in ms. */
export const REOPEN_INTERVAL_MS = 5000;

/** How often the A4 printer's spooler status is read, in ms. */
export const A4_STATUS_INTERVAL_MS = 30_000;

/** The kiosk's devices, real or simulated per configuration. A null device is not attached (yet). */
export interface KioskDevices {
  idcard(): IdCardReader | null;
  receiptPrinter(): ReceiptPrinter | null;
  scanner(): Scanner | null;
  /** The A4 printer behind the OS spooler, or null when the site has none. */
  a4Printer(): A4Printer | null;
  /** The camera watcher (its status in the registry as `camera`), or null when the site has none (`devices.camera.mode` `none`). */
  camera(): CameraWatcher | null;
  /** Present when at least one device is simulated. */
  readonly simulators: SimulatedDevices;
  close(): Promise<void>;
}

/** Callbacks for when a device (re)appears, and the port lister (default: the operating system's). */
export interface DeviceHooks {
  onIdCard(reader: IdCardReader): void;
  onScanner(scanner: Scanner): void;
  /** Lists serial ports to find USB devices by id; default serialport's `SerialPort.list()`. */
  listPorts?: SerialPortLister;
}

function missing(device: DeviceStatus['device'], name: string, error: string): DeviceStatus {
  return { device, name, state: 'noDevice', simulated: false, error, updatedAt: new Date().toISOString() };
}

/**
 * Opens every configured device once, choosing real or simulated bindings
 * from `config.devices`. A real device that cannot be opened is reported as
 * `noDevice` and looked for again every {@link REOPEN_INTERVAL_MS}; when its
 * port closes (unplugged) it is reopened the same way — at its new path when
 * it is configured by USB ids and re-enumerated elsewhere. Never throws.
 */
export function createDevices(config: KioskConfig, registry: DeviceRegistry, hooks: DeviceHooks): KioskDevices {
  const sims = new SimulatedDevices();
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  let idcard: IdCardReader | null = null;
  let printer: ReceiptPrinter | null = null;
  let scanner: Scanner | null = null;

  /** Opens a real port, retrying while it is missing; `attach` wires the driver. */
  function keepOpen(label: string, device: DeviceStatus['device'], open: () => Promise<BytePort>, attach: (port: BytePort) => void): void {
    const attempt = async () => {
      if (closed) return;
      try {
        const port = await open();
        if (closed) {
          await port.close();
          return;
        }
        port.onClose(() => {
          if (!closed) schedule();
        });
        attach(port);
      } catch (e) {
        registry.update(missing(device, label, (e as Error).message.slice(0, 200)));
        schedule();
      }
    };
    const schedule = () => {
      const t = setTimeout(() => {
        timers.delete(t);
        void attempt();
      }, REOPEN_INTERVAL_MS);
      timers.add(t);
    };
    void attempt();
  }

  const { idcard: idCfg, receiptPrinter: prCfg, scanner: scCfg } = config.devices;
  const listPorts = hooks.listPorts ?? listSerialPorts;
  /** Opens a configured serial device where it is now: by USB ids when configured (re-enumeration), else its path. */
  const openSerial = async (cfg: { port?: string | undefined; usb?: { vendorId: string; productId: string; serialNumber?: string | undefined } | undefined; baudRate: number }) =>
    openSerialBytePort({ path: await findSerialPath(cfg, listPorts), baudRate: cfg.baudRate });

  const attachIdCard = (port: BytePort, simulated: boolean) => {
    idcard = openIdCardReader(port, { name: 'idcard', simulated, pollIntervalMs: config.idcardPollMs });
    idcard.on('status', (s) => registry.update(s));
    registry.update(idcard.status);
    hooks.onIdCard(idcard);
  };
  if (idCfg.mode === 'sim') attachIdCard(sims.plugIdCard(), true);
  else keepOpen('idcard', 'idcard', () => openSerial(idCfg), (p) => attachIdCard(p, false));

  const attachPrinter = (port: BytePort, simulated: boolean) => {
    printer = openReceiptPrinter(port, { name: 'receipt-printer', simulated, completionTimeoutMs: prCfg.completionTimeoutMs });
    printer.on('status', (s) => registry.update(s));
    registry.update(printer.status);
    void printer.queryStatus().catch(() => undefined);
  };
  if (prCfg.mode === 'sim') attachPrinter(sims.plugReceiptPrinter(prCfg.previewDir, prCfg.simProfile), true);
  else if (prCfg.mode === 'tcp') keepOpen('receipt-printer', 'receiptPrinter', () => openTcpBytePort(prCfg.host ?? '127.0.0.1', prCfg.tcpPort), (p) => attachPrinter(p, false));
  else keepOpen('receipt-printer', 'receiptPrinter', () => openSerial(prCfg), (p) => attachPrinter(p, false));

  const attachScanner = (port: BytePort, simulated: boolean) => {
    scanner = openSerialScanner(port, { name: 'scanner', simulated });
    scanner.on('status', (s) => registry.update(s));
    registry.update(scanner.status);
    hooks.onScanner(scanner);
  };
  if (scCfg.mode === 'sim') attachScanner(sims.plugScanner(), true);
  else keepOpen('scanner', 'scanner', () => openSerial(scCfg), (p) => attachScanner(p, false));

  const a4Cfg = config.devices.a4Printer;
  const a4 = a4Cfg.mode === 'cups' ? openCupsPrinter({ printerName: a4Cfg.printerName, host: a4Cfg.host, port: a4Cfg.port, name: 'a4-printer' }) : null;
  const readA4Status = () => {
    if (!a4 || closed) return;
    a4.status()
      .then((s) => registry.update(s))
      .catch((e: Error) => registry.update(missing('a4Printer', 'a4-printer', e.message.slice(0, 200))));
  };
  if (a4) {
    readA4Status();
    const t = setInterval(readA4Status, A4_STATUS_INTERVAL_MS);
    t.unref();
    timers.add(t as unknown as NodeJS.Timeout);
  }

  const camCfg = config.devices.camera;
  const camera =
    camCfg.mode === 'none'
      ? null
      : watchCamera({ name: 'camera', list: camCfg.mode === 'sim' ? sims.plugCamera().list : v4l2CameraLister(), label: camCfg.label, simulated: camCfg.mode === 'sim', pollMs: camCfg.pollMs });
  camera?.on('status', (s) => registry.update(s));
  if (camera) registry.update(camera.status);

  return {
    idcard: () => idcard,
    camera: () => camera,
    a4Printer: () => a4,
    receiptPrinter: () => printer,
    scanner: () => scanner,
    simulators: sims,
    async close() {
      closed = true;
      camera?.close();
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      timers.clear();
      await Promise.all([idcard?.close(), printer?.close(), scanner?.close()].map((p) => p?.catch(() => undefined)));
      await sims.close().catch(() => undefined);
    },
  };
}
