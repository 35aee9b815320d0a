import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import { isDeviceError } from '../../drivers/base/errors';
import { openReceiptPrinter, ReceiptPrinterSimulator, SIM_PRINTER_PROFILES, type ReceiptPrinter, type SimPrinterProfile } from '../../drivers/receipt-printer/index';
import { chunkSegments } from '../../drivers/receipt-printer/printer/chunk-segments';
import { encodeReceiptSegments } from '../../drivers/receipt-printer/index';
import { sampleReceipt } from './sample-receipt';

/**
 * Receipt printers as they are in the field: some never answer `GS r 1`,
 * some never send automatic status back, some answer only `DLE EOT`. A
 * receipt whose bytes went out is never reported failed only because an
 * optional command got no answer, and is never printed twice by itself.
 */
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const GS_R_1 = [0x1d, 0x72, 0x01];

function setup(profile: SimPrinterProfile): { printer: ReceiptPrinter; sim: ReceiptPrinterSimulator; paperStatusAsks: () => number } {
  const [kiosk, device] = createMemoryPipe();
  let asks = 0;
  const write = kiosk.write.bind(kiosk);
  // The driver sends GS r 1 as a write of its own; count those to see whether it still waits for one.
  kiosk.write = (bytes: Uint8Array) => {
    if (bytes.length === 3 && GS_R_1.every((b, i) => bytes[i] === b)) asks += 1;
    return write(bytes);
  };
  const sim = new ReceiptPrinterSimulator(device, SIM_PRINTER_PROFILES[profile]);
  const printer = openReceiptPrinter(kiosk, { name: 'receipt-1', simulated: true, replyTimeoutMs: 300, completionTimeoutMs: 300 });
  cleanup.push(async () => {
    await printer.close();
    await sim.close();
  });
  return { printer, sim, paperStatusAsks: () => asks };
}

describe('receipt printers that answer less than the full command set', () => {
  it.each([
    ['full', true],
    ['no-asb', true],
    ['no-paper-status', false],
    ['realtime-only', false],
  ] as const)('%s: the receipt prints once and is confirmed=%s', async (profile, confirmed) => {
    const { printer, sim } = setup(profile);
    const outcome = await printer.print(sampleReceipt());
    expect(outcome).toEqual({ confirmed });
    expect(sim.printed).toHaveLength(1);
    expect(printer.status.state).toBe('online');
  });

  it('a printer that never answers GS r 1 is not asked again on the next job (no wait per receipt)', async () => {
    const { printer, sim, paperStatusAsks } = setup('no-paper-status');
    await printer.print(sampleReceipt());
    expect(paperStatusAsks()).toBe(1);
    expect(await printer.print({ ...sampleReceipt(), title: '第二张' })).toEqual({ confirmed: false });
    expect(paperStatusAsks()).toBe(1);
    expect(sim.printed).toHaveLength(2);
  });

  it('a full printer is asked GS r 1 on every job', async () => {
    const { printer, paperStatusAsks } = setup('full');
    await printer.print(sampleReceipt());
    await printer.print(sampleReceipt());
    expect(paperStatusAsks()).toBe(2);
  });

  it('realtime-only: paper out before the job is PaperOut, not "printed, not confirmed"', async () => {
    const { printer, sim } = setup('realtime-only');
    sim.setFault('paper-out');
    const e = await printer.print(sampleReceipt()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isDeviceError(e, 'PaperOut')).toBe(true);
    expect(sim.printed).toHaveLength(0);
  });

  it('realtime-only: paper running out at the very end is PaperOut (real-time status asked after the silent GS r 1)', async () => {
    const { printer, sim } = setup('realtime-only');
    const jobBytes = chunkSegments(encodeReceiptSegments(sampleReceipt()), 512).reduce((n, c) => n + c.length, 0);
    const chunks = chunkSegments(encodeReceiptSegments(sampleReceipt()), 512).length;
    // GS a at open, DLE EOT 1..4 before the job and after each chunk: the paper ends with the GS r 1 itself,
    // after every per-chunk check has passed, so only the check after the unanswered GS r 1 can see it.
    sim.setFault(`paper-out-after:${3 + 12 + jobBytes + 12 * chunks + 1}`);
    const e = await printer.print(sampleReceipt()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isDeviceError(e, 'PaperOut')).toBe(true);
  });
});
