import { createMemoryPipe } from '../../../drivers/base/memory-pipe';
import { IdCardSimulator, loadSimCard, SAMPLE_CARDS, type SimCard } from '../../../drivers/idcard/index';
import { ReceiptPrinterSimulator, SIM_PRINTER_PROFILES, type SimPrinterProfile } from '../../../drivers/receipt-printer/sim/simulator';
import { ScannerSimulator } from '../../../drivers/scanner/sim/scanner-simulator';
import type { BytePort } from '../../../drivers/base/byte-port';
import { CameraSimulator } from '../../../drivers/camera/index';

/** Names of the sample cards shipped with the ID card simulator. */
export type SampleCardName = keyof typeof SAMPLE_CARDS;

/**
 * The simulators plugged in-process (demo and tests): each speaks its
 * device's real wire protocol over a memory pipe to the real driver.
 * Technicians and tests drive them through these controls.
 */
export class SimulatedDevices {
  idcard: IdCardSimulator | null = null;
  receiptPrinter: ReceiptPrinterSimulator | null = null;
  scanner: ScannerSimulator | null = null;
  camera: CameraSimulator | null = null;

  /** Creates the ID card simulator and returns the driver's end of the pipe. */
  plugIdCard(): BytePort {
    const [driverEnd, simEnd] = createMemoryPipe();
    this.idcard = new IdCardSimulator(simEnd);
    return driverEnd;
  }

  /** Creates the receipt printer simulator (behaving like `profile`, default `full`) and returns the driver's end of the pipe. */
  plugReceiptPrinter(previewDir: string | null, profile: SimPrinterProfile = 'full'): BytePort {
    const [driverEnd, simEnd] = createMemoryPipe();
    this.receiptPrinter = new ReceiptPrinterSimulator(simEnd, { ...(previewDir ? { previewDir } : {}), ...SIM_PRINTER_PROFILES[profile] });
    return driverEnd;
  }

  /** Creates the scanner simulator and returns the driver's end of the pipe. */
  plugScanner(): BytePort {
    const [driverEnd, simEnd] = createMemoryPipe();
    this.scanner = new ScannerSimulator(simEnd);
    return driverEnd;
  }

  /** Creates the camera simulator (one camera plugged) and returns it: its `list` is what the camera watcher polls. */
  plugCamera(): CameraSimulator {
    this.camera = new CameraSimulator();
    return this.camera;
  }

  /** Places a sample card (by name) or a card object on the simulated reader. Throws when there is no ID card simulator. */
  insertCard(card: SampleCardName | SimCard): void {
    if (!this.idcard) throw new Error('no simulated ID card reader');
    this.idcard.insertCard(typeof card === 'string' ? loadSimCard(SAMPLE_CARDS[card]) : card);
  }

  /** True while a card lies on the simulated reader. */
  get cardOnReader(): boolean {
    return this.idcard?.hasCard ?? false;
  }

  /** Lifts the card off the simulated reader. */
  removeCard(): void {
    this.idcard?.removeCard();
  }

  /** Closes every simulator. */
  async close(): Promise<void> {
    await Promise.all([this.idcard?.close(), this.receiptPrinter?.close(), this.scanner?.close()]);
  }
}
