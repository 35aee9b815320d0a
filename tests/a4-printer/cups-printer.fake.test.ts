import { afterEach, describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../common/contract/schemas';
import { openCupsPrinter } from '../../drivers/a4-printer/cups-printer';
import type { A4JobState } from '../../drivers/a4-printer/interface';
import { findAttribute, numberValue, type IppGroup, type IppMessage } from '../../drivers/a4-printer/ipp/ipp-message';
import { DeviceError } from '../../drivers/base/errors';
import { startFakeIppServer, type FakeIppServer, type FakeReply } from './support/fake-ipp-server';

const printerGroup = (state: number, reasons: string[], accepting = true): IppGroup => ({
  tag: 0x04,
  attributes: [
    { name: 'printer-state', values: [{ tag: 0x23, value: state }] },
    { name: 'printer-state-reasons', values: reasons.map((value) => ({ tag: 0x44, value })) },
    { name: 'printer-is-accepting-jobs', values: [{ tag: 0x22, value: accepting }] },
  ],
});
const jobGroup = (id: number, state: number, reasons: string[] = ['none']): IppGroup => ({
  tag: 0x02,
  attributes: [
    { name: 'job-id', values: [{ tag: 0x21, value: id }] },
    { name: 'job-state', values: [{ tag: 0x23, value: state }] },
    { name: 'job-state-reasons', values: reasons.map((value) => ({ tag: 0x44, value })) },
  ],
});

/** A scripted CUPS: printer state per call, job states played in order (last one repeats). */
function scripted(options: { printer?: () => IppGroup; jobStates: number[]; onCancel?: () => void; printJobStatus?: number }) {
  let poll = 0;
  let cancelled = false;
  return (r: IppMessage): FakeReply => {
    switch (r.code) {
      case 0x000b:
        return { status: 0, groups: [options.printer?.() ?? printerGroup(3, ['none'])] };
      case 0x0002:
        return options.printJobStatus ? { status: options.printJobStatus } : { status: 0, groups: [jobGroup(42, 3)] };
      case 0x0009: {
        if (cancelled) return { status: 0, groups: [jobGroup(42, 7, ['job-canceled-by-user'])] };
        const state = options.jobStates[Math.min(poll++, options.jobStates.length - 1)]!;
        return { status: 0, groups: [jobGroup(42, state, state === 8 ? ['aborted-by-system'] : ['none'])] };
      }
      case 0x0008:
        cancelled = true;
        options.onCancel?.();
        return { status: 0 };
      default:
        return { status: 0x0501 };
    }
  };
}

let server: FakeIppServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const pdf = new TextEncoder().encode('%PDF-1.4 test');

describe('openCupsPrinter against a scripted IPP server', () => {
  it('submits Print-Job with the PDF and the right operation attributes, then polls to completed', async () => {
    server = await startFakeIppServer(scripted({ jobStates: [3, 5, 5, 9] }));
    const printer = openCupsPrinter({ printerName: 'Office A4', host: '127.0.0.1', port: server.port, pollIntervalMs: 1 });
    const states: A4JobState[] = [];
    const result = await printer.printPdf(pdf, { jobName: 'cert-001', onState: (s) => states.push(s) });
    expect(result).toEqual({ jobId: 42, state: 'completed', reason: null, detail: null });
    expect(states).toEqual(['pending', 'processing', 'completed']);
    const printJob = server.requests.find((r) => r.code === 0x0002)!;
    expect(findAttribute(printJob, 'printer-uri')?.values[0]?.value).toBe(`ipp://127.0.0.1:${server.port}/printers/Office%20A4`);
    expect(findAttribute(printJob, 'document-format')?.values[0]?.value).toBe('application/pdf');
    expect(findAttribute(printJob, 'job-name')?.values[0]?.value).toBe('cert-001');
    expect(findAttribute(printJob, 'requesting-user-name')?.values[0]?.value).toBe('kiosk');
    expect(new TextDecoder().decode(printJob.data)).toBe('%PDF-1.4 test');
    expect(numberValue(server.requests.find((r) => r.code === 0x0009)!, 'job-id')).toBe(42);
  });

  it('resolves aborted with the spooler reasons when CUPS aborts the job', async () => {
    server = await startFakeIppServer(scripted({ jobStates: [5, 8] }));
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port, pollIntervalMs: 1 });
    expect(await printer.printPdf(pdf)).toEqual({ jobId: 42, state: 'aborted', reason: 'spooler', detail: 'aborted-by-system' });
  });

  it('refuses to submit when the printer is out of paper (PaperOut) or paused (DeviceNotReady)', async () => {
    let reasons = ['media-empty-error'];
    server = await startFakeIppServer(scripted({ printer: () => printerGroup(reasons[0] === 'paused' ? 5 : 3, reasons), jobStates: [9] }));
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port });
    await expect(printer.printPdf(pdf)).rejects.toMatchObject({ kind: 'PaperOut', classCode: 'paper-out', messageZh: '打印机缺纸' });
    reasons = ['paused'];
    await expect(printer.printPdf(pdf)).rejects.toMatchObject({ kind: 'DeviceNotReady', classCode: 'offline' });
    expect(server.requests.some((r) => r.code === 0x0002)).toBe(false);
  });

  it('cancels and resolves aborted (reason paper-out) when the printer stops mid-job', async () => {
    let calls = 0;
    let cancels = 0;
    server = await startFakeIppServer(
      scripted({
        printer: () => (++calls === 1 ? printerGroup(3, ['none']) : printerGroup(5, ['media-empty-error', 'paused'])),
        jobStates: [3],
        onCancel: () => cancels++,
      }),
    );
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port, pollIntervalMs: 1 });
    expect(await printer.printPdf(pdf)).toEqual({ jobId: 42, state: 'aborted', reason: 'paper-out', detail: 'paper out' });
    expect(cancels).toBe(1);
  });

  it('cancels the job at the timeout and reports canceled with reason timeout', async () => {
    server = await startFakeIppServer(scripted({ jobStates: [5] }));
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port, pollIntervalMs: 5 });
    const result = await printer.printPdf(pdf, { timeoutMs: 50 });
    expect(result).toMatchObject({ jobId: 42, state: 'canceled', reason: 'timeout' });
    expect(server.requests.some((r) => r.code === 0x0008)).toBe(true);
  });

  it('maps not accepting jobs at submission to DeviceNotReady', async () => {
    server = await startFakeIppServer(scripted({ jobStates: [9], printJobStatus: 0x0506 }));
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port });
    await expect(printer.printPdf(pdf)).rejects.toMatchObject({ kind: 'DeviceNotReady', classCode: 'offline' });
  });

  it('reports status as a valid DeviceStatus; unknown printer → noDevice', async () => {
    server = await startFakeIppServer((r) => (r.code === 0x000b && findAttribute(r, 'printer-uri')?.values[0]?.value?.toString().endsWith('/Gone') ? { status: 0x0406 } : { status: 0, groups: [printerGroup(3, ['media-low-warning'])] }));
    const ok = await openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port, name: 'a4-1' }).status();
    expect(DeviceStatusSchema.parse(ok)).toMatchObject({ device: 'a4Printer', name: 'a4-1', state: 'online', paper: 'near-end', coverOpen: false, error: null, simulated: false });
    const gone = await openCupsPrinter({ printerName: 'Gone', host: '127.0.0.1', port: server.port }).status();
    expect(gone).toMatchObject({ state: 'noDevice', error: 'printer not found' });
  });

  it('rejects with a ProtocolError for a malformed answer or HTTP error', async () => {
    server = await startFakeIppServer(() => ({ status: 0, raw: Uint8Array.of(2, 0, 0) }));
    const printer = openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port });
    await expect(printer.status()).rejects.toMatchObject({ kind: 'ProtocolError', classCode: 'ipp-malformed' });
    await server.close();
    server = await startFakeIppServer(() => ({ status: 0, httpStatus: 403 }));
    await expect(openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port: server.port }).status()).rejects.toMatchObject({ classCode: 'http-status' });
  });

  it('rejects PortOpenFailed / spooler-unreachable when nothing listens', async () => {
    const fake = await startFakeIppServer(() => ({ status: 0 }));
    const port = fake.port;
    await fake.close();
    const error = await openCupsPrinter({ printerName: 'P', host: '127.0.0.1', port }).status().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect(error).toMatchObject({ kind: 'PortOpenFailed', classCode: 'spooler-unreachable', messageZh: '无法连接打印服务' });
  });
});
