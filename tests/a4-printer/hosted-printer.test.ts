import { describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../common/contract/schemas';
import { openHostedPrinter } from '../../drivers/a4-printer/hosted-printer';
import type { A4PrintHost } from '../../drivers/a4-printer/print-host';
import type { SpoolerPrinterState } from '../../drivers/a4-printer/printer-state-map';
import { windowsStatusToSpoolerState } from '../../drivers/a4-printer/windows-printer-status';

class TestPrintHost implements A4PrintHost {
  state: SpoolerPrinterState | null = { printerState: 3, reasons: ['none'], acceptingJobs: null };
  printed: Array<{ bytes: number; printerName: string; jobName: string }> = [];
  async printPdf(pdf: Uint8Array, o: { printerName: string; jobName: string }) {
    this.printed.push({ bytes: pdf.length, printerName: o.printerName, jobName: o.jobName });
    return { jobId: 7, state: 'completed' as const, detail: null };
  }
  async getPrinterState() {
    return this.state;
  }
}

describe('Windows status flags → spooler state', () => {
  it.each([
    [0, { printerState: 3, reasons: ['none'], acceptingJobs: null }],
    [0x10, { printerState: 3, reasons: ['media-empty-error'], acceptingJobs: null }],
    [0x400000 | 0x400, { printerState: 4, reasons: ['door-open-error'], acceptingJobs: null }],
    [0x1 | 0x80, { printerState: 5, reasons: ['paused', 'offline-report'], acceptingJobs: null }],
    [0x80 | 0x1000, { printerState: 3, reasons: ['offline-report'], acceptingJobs: null }],
  ])('0x%s', (flags, expected) => {
    expect(windowsStatusToSpoolerState(flags)).toEqual(expected);
  });
});

describe('openHostedPrinter (the Windows slot)', () => {
  it('prints through the host and reports status with the shared mapping', async () => {
    const host = new TestPrintHost();
    const printer = openHostedPrinter(host, { printerName: 'HP A4' });
    expect(await printer.printPdf(new Uint8Array(10), { jobName: 'cert' })).toEqual({ jobId: 7, state: 'completed', reason: null, detail: null });
    expect(host.printed).toEqual([{ bytes: 10, printerName: 'HP A4', jobName: 'cert' }]);
    host.state = windowsStatusToSpoolerState(0x10);
    expect(DeviceStatusSchema.parse(await printer.status())).toMatchObject({ state: 'userError', paper: 'out' });
    await expect(printer.printPdf(new Uint8Array(1))).rejects.toMatchObject({ kind: 'PaperOut' });
    host.state = null;
    expect(await printer.status()).toMatchObject({ state: 'noDevice' });
    await expect(printer.printPdf(new Uint8Array(1))).rejects.toMatchObject({ kind: 'DeviceNotReady' });
    expect(host.printed).toHaveLength(1);
  });
});
