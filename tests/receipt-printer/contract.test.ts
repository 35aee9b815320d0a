import { afterEach, describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../common/contract/schemas';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import { openPrinterPort, openReceiptPrinter, ReceiptPrinterSimulator, SIM_PRINTER_PROFILES, testPageDocument, type ReceiptPrinter } from '../../drivers/receipt-printer/index';

/**
 * The receipt printer contract, run against the simulator and, when
 * KIOSK_RECEIPT_PRINTER_PORT names a real printer (serial path or
 * tcp://host:9100), against that hardware too (it prints one test page).
 */
type Target = { name: string; open: () => Promise<{ printer: ReceiptPrinter; close: () => Promise<void> }> };

// One simulator target per kind of printer met in the field (answers everything, never GS r 1, no
// automatic status back, real-time status only); a short completion wait keeps the no-GS-r-1 ones quick.
const targets: Target[] = Object.entries(SIM_PRINTER_PROFILES).map(([profile, behaviour]) => ({
  name: `simulator (${profile})`,
  async open() {
    const [kiosk, device] = createMemoryPipe();
    const sim = new ReceiptPrinterSimulator(device, behaviour);
    const printer = openReceiptPrinter(kiosk, { name: 'receipt-1', simulated: true, completionTimeoutMs: 300 });
    return { printer, close: async () => (await printer.close(), await sim.close()) };
  },
}));
const hardware = process.env.KIOSK_RECEIPT_PRINTER_PORT;
if (hardware) {
  targets.push({
    name: `hardware ${hardware}`,
    async open() {
      const printer = openReceiptPrinter(await openPrinterPort(hardware, Number(process.env.KIOSK_RECEIPT_PRINTER_BAUD ?? 115200)), { name: 'receipt-hw', simulated: false });
      return { printer, close: () => printer.close() };
    },
  });
}

describe.each(targets)('receipt printer contract: $name', (target) => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('answers status in the uniform shape and pushes schema-valid DeviceStatus events', async () => {
    const opened = await target.open();
    close = opened.close;
    const seen: unknown[] = [];
    opened.printer.on('status', (s) => seen.push(s));
    const s = await opened.printer.queryStatus();
    expect(Object.keys(s).sort()).toEqual(['coverOpen', 'error', 'online', 'paper']);
    expect(['ok', 'near-end', 'out']).toContain(s.paper);
    expect(seen.length).toBeGreaterThan(0);
    for (const e of [...seen, opened.printer.status]) expect(DeviceStatusSchema.safeParse(e).success).toBe(true);
  });

  it('prints the test page and reports progress up to 1', async () => {
    const opened = await target.open();
    close = opened.close;
    const progress: number[] = [];
    const outcome = await opened.printer.print(testPageDocument(), { onProgress: (f) => progress.push(f) });
    expect(progress.at(-1)).toBe(1);
    expect(typeof outcome.confirmed).toBe('boolean');
  });
});
