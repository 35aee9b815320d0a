import { afterEach, describe, expect, it } from 'vitest';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { isDeviceError } from '../../drivers/base/errors';
import { openReceiptPrinter, ReceiptPrinterSimulator, receiptText } from '../../drivers/receipt-printer/index';
import { createPtyPair, type PtyPair } from '../support/pty-pair';
import { sampleReceipt } from './sample-receipt';

let pair: PtyPair | null = null;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  await pair?.destroy();
  pair = null;
});

async function connect() {
  pair = await createPtyPair();
  const simPort = await openSerialBytePort({ path: pair.simEnd, baudRate: 115200 });
  const sim = new ReceiptPrinterSimulator(simPort);
  closers.push(() => sim.close());
  const kioskPort = await openSerialBytePort({ path: pair.kioskEnd, baudRate: 115200 });
  const printer = openReceiptPrinter(kioskPort, { name: 'receipt-1', simulated: true });
  closers.push(() => printer.close());
  return { sim, printer };
}

describe('receipt printer over a real pty pair (socat + serialport)', () => {
  it('prints a receipt and reads status through the real serial binding', async () => {
    const { sim, printer } = await connect();
    expect(await printer.queryStatus()).toEqual({ online: true, paper: 'ok', coverOpen: false, error: null });
    await printer.print(sampleReceipt());
    expect(sim.printed).toHaveLength(1);
    expect(receiptText(sim.printed[0]!)[0]).toBe('受理回执');
    expect(sim.printed[0]!.elements.filter((e) => e.kind === 'qr')).toHaveLength(1);
    expect(sim.printed[0]!.elements.filter((e) => e.kind === 'image')).toHaveLength(1);
  });

  it('paper out in the middle of a job, refill, reprint completes', async () => {
    const { sim, printer } = await connect();
    sim.setFault('paper-out-after:1000');
    let failure: unknown = null;
    await printer.print(sampleReceipt()).catch((e) => (failure = e));
    expect(isDeviceError(failure, 'PaperOut')).toBe(true);
    expect(sim.printed).toHaveLength(0);
    sim.setFault('refill');
    const progress: number[] = [];
    await printer.print(sampleReceipt(), { onProgress: (f) => progress.push(f) });
    expect(progress.at(-1)).toBe(1);
    const last = sim.printed.at(-1)!;
    expect(receiptText(last)[0]).toBe('受理回执');
    expect(last.elements.filter((e) => e.kind === 'qr')).toHaveLength(1);
    expect(last.cut).toBe('partial');
  });
});
