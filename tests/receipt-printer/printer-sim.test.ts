import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/contract/schemas';
import { createMemoryPipe } from '../../drivers/base/memory-pipe';
import { isDeviceError } from '../../drivers/base/errors';
import { openReceiptPrinter, printFailureReason, ReceiptPrinterSimulator, receiptText, type ReceiptPrinter } from '../../drivers/receipt-printer/index';
import { sampleReceipt } from './sample-receipt';
import { encodeReceiptSegments } from '../../drivers/receipt-printer/index';
import { chunkSegments } from '../../drivers/receipt-printer/printer/chunk-segments';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function setup(options: { fault?: string; replyTimeoutMs?: number; chunkBytes?: number } = {}): { printer: ReceiptPrinter; sim: ReceiptPrinterSimulator; statuses: DeviceStatus[] } {
  const [kiosk, device] = createMemoryPipe();
  const sim = new ReceiptPrinterSimulator(device, { fault: options.fault ?? null });
  const printer = openReceiptPrinter(kiosk, { name: 'receipt-1', simulated: true, replyTimeoutMs: options.replyTimeoutMs ?? 500, chunkBytes: options.chunkBytes });
  const statuses: DeviceStatus[] = [];
  printer.on('status', (s) => statuses.push(s));
  cleanup.push(() => printer.close());
  return { printer, sim, statuses };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('receipt printer driver against the simulator (in-process pipe)', () => {
  it('prints a receipt with progress 0..1 and the simulator gets the same document', async () => {
    const { printer, sim } = setup();
    const progress: number[] = [];
    await printer.print(sampleReceipt(), { onProgress: (f) => progress.push(f) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(sim.printed).toHaveLength(1);
    expect(receiptText(sim.printed[0]!)).toContain('受理回执');
    expect(sim.printed[0]!.cut).toBe('partial');
    expect(printer.status).toMatchObject({ device: 'receiptPrinter', name: 'receipt-1', state: 'online', paper: 'ok', simulated: true, error: null });
  });

  it('answers queryStatus in the kioskctl shape', async () => {
    const { printer, sim } = setup();
    expect(await printer.queryStatus()).toEqual({ online: true, paper: 'ok', coverOpen: false, error: null });
    sim.setFault('near-end');
    expect(await printer.queryStatus()).toEqual({ online: true, paper: 'near-end', coverOpen: false, error: null });
    sim.setFault('cover-open');
    expect(await printer.queryStatus()).toEqual({ online: false, paper: 'near-end', coverOpen: true, error: null });
  });

  it('pushes status from automatic status back without being asked', async () => {
    const { printer, sim, statuses } = setup();
    await tick();
    sim.setFault('paper-out');
    await tick();
    expect(statuses.at(-1)).toMatchObject({ state: 'userError', paper: 'out', error: 'paper out' });
    sim.setFault('refill');
    await tick();
    expect(printer.status).toMatchObject({ state: 'online', paper: 'ok' });
  });

  it('rejects PaperOut before sending anything when the paper is already out', async () => {
    const { printer, sim } = setup({ fault: 'paper-out' });
    const e = await rejection(printer.print(sampleReceipt()));
    expect(isDeviceError(e, 'PaperOut')).toBe(true);
    expect(printFailureReason(e)).toBe('paper-out');
    expect(sim.printed).toHaveLength(0);
    // Only GS a 0F (sent at open, held while stopped) and the DLE EOT 1..4 query reached the printer.
    expect(sim.bytesReceived).toBe(3 + 12);
    expect(sim.heldCommands).toBe(1);
  });

  it('paper out mid-job: rejects PaperOut, holds the rest; after refill the reprint comes out complete', async () => {
    const { printer, sim } = setup({ chunkBytes: 256 });
    sim.setFault('paper-out-after:600');
    const progress: number[] = [];
    const e = await rejection(printer.print(sampleReceipt(), { onProgress: (f) => progress.push(f) }));
    expect(isDeviceError(e, 'PaperOut')).toBe(true);
    expect(progress.at(-1)!).toBeLessThan(1);
    expect(sim.printed).toHaveLength(0);
    expect(printer.status.paper).toBe('out');

    sim.setFault('refill');
    await printer.print(sampleReceipt());
    // The part printed before the paper ran out comes out cut off on its own; the reprint is whole.
    expect(sim.printed).toHaveLength(2);
    expect(sim.printed[0]!.elements.some((e) => e.kind === 'qr')).toBe(false);
    const reprint = sim.printed[1]!;
    expect(receiptText(reprint).map((l) => l.replace(/ +/g, ' '))).toEqual(expect.arrayContaining(['受理回执', '申请人： 张**', '咨询电话 12345']));
    expect(reprint.elements.filter((e) => e.kind === 'qr')).toHaveLength(1);
    expect(reprint.cut).toBe('partial');
  });

  it('rejects CoverOpen, HardwareError (cutter) and DeviceNotReady (offline) with journal reasons', async () => {
    for (const [fault, kind, reason] of [
      ['cover-open', 'CoverOpen', 'cover-open'],
      ['cutter-error', 'HardwareError', 'cutter-error'],
      ['offline', 'DeviceNotReady', 'offline'],
    ] as const) {
      const { printer } = setup({ fault });
      const e = await rejection(printer.print(sampleReceipt()));
      expect(isDeviceError(e, kind), fault).toBe(true);
      expect(printFailureReason(e)).toBe(reason);
    }
  });

  it('rejects DeviceTimeout when the printer does not answer', async () => {
    const { printer, sim } = setup({ replyTimeoutMs: 100 });
    sim.setFault('unresponsive');
    const e = await rejection(printer.print(sampleReceipt()));
    expect(isDeviceError(e, 'DeviceTimeout')).toBe(true);
    expect(printFailureReason(e)).toBe('timeout');
    expect(printer.status.state).toBe('offline');
  });

  it('rejects DeviceDisconnected when the port goes away, and reports noDevice', async () => {
    const { printer, sim } = setup();
    await sim.close();
    await tick();
    const e = await rejection(printer.print(sampleReceipt()));
    expect(isDeviceError(e, 'DeviceDisconnected')).toBe(true);
    expect(printer.status.state).toBe('noDevice');
  });

  it('without automatic status back, a printer that stops before finishing is still reported as PaperOut', async () => {
    const [kiosk, device] = createMemoryPipe();
    const sim = new ReceiptPrinterSimulator(device, { supportsAsb: false });
    const printer = openReceiptPrinter(kiosk, { name: 'receipt-1', simulated: true, chunkBytes: 512, completionTimeoutMs: 200 });
    cleanup.push(() => printer.close());
    const chunks = chunkSegments(encodeReceiptSegments(sampleReceipt()), 512);
    const jobBytes = chunks.reduce((n, c) => n + c.length, 0);
    // GS a at open, one DLE EOT 1..4 before the job and one after each chunk, then the paper ends inside GS r 1.
    sim.setFault(`paper-out-after:${3 + 12 + jobBytes + 12 * chunks.length + 1}`);
    const e = await rejection(printer.print(sampleReceipt()));
    expect(isDeviceError(e, 'PaperOut')).toBe(true);
  });

  it('serialises concurrent jobs', async () => {
    const { printer, sim } = setup();
    await Promise.all([printer.print(sampleReceipt()), printer.print({ ...sampleReceipt(), title: '第二张' })]);
    expect(sim.printed.map((r) => receiptText(r)[0])).toEqual(['受理回执', '第二张']);
  });
});
