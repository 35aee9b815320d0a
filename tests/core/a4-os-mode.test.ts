import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeviceStatus, PrintJob, ServiceDetail, SubmitResult } from '../../common/contract/schemas';
import { loadConfig, type KioskConfigInput } from '../../main/core/config';
import type { A4JobState, A4PrintHost, KioskCore, SpoolerPrinterState } from '../../main/core/create-kiosk-core';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';
import { filledRequest, identifyWithCard } from './support/walk';

/** An OS spooler as the Electron shell would inject it, recording what reaches it. */
class RecordingPrintHost implements A4PrintHost {
  state: SpoolerPrinterState | null = { printerState: 3, reasons: ['none'], acceptingJobs: null };
  outcome: Awaited<ReturnType<A4PrintHost['printPdf']>> = { jobId: 0, state: 'completed', detail: null };
  readonly jobs: Array<{ printerName: string; jobName: string; timeoutMs: number; head: string; bytes: number }> = [];
  statusQueries = 0;
  async printPdf(pdf: Uint8Array, o: { printerName: string; jobName: string; timeoutMs: number; onState?: (s: A4JobState) => void }) {
    this.jobs.push({ printerName: o.printerName, jobName: o.jobName, timeoutMs: o.timeoutMs, head: new TextDecoder().decode(pdf.subarray(0, 5)), bytes: pdf.length });
    o.onState?.('pending');
    o.onState?.('processing');
    return this.outcome;
  }
  async getPrinterState(name: string) {
    this.statusQueries += 1;
    return name === 'HP LaserJet M404' ? this.state : null;
  }
}

const harnesses: CoreHarness[] = [];
const cleanups: Array<() => void> = [];
afterAll(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const c of cleanups.splice(0)) c();
});

async function startCore(config: KioskConfigInput, host?: A4PrintHost): Promise<CoreHarness> {
  const h = await startCoreHarness(config, host ? { a4PrintHost: host } : {});
  harnesses.push(h);
  return h;
}

function certificateItem(core: KioskCore): ServiceDetail {
  const item = core.store.catalogue.all().find((i) => i.output === 'certificate' && i.feeFen === 0 && i.form.length <= 6);
  if (!item) throw new Error('no free certificate item in the generated catalogue');
  return item;
}

async function a4Status(h: CoreHarness, test: (s: DeviceStatus) => boolean): Promise<DeviceStatus> {
  let last: DeviceStatus | undefined;
  await waitUntil(async () => {
    last = (await h.ok<DeviceStatus[]>('devices:list')).find((d) => d.device === 'a4Printer');
    return last !== undefined && test(last);
  }, 'the a4Printer status');
  return last!;
}

async function printCertificate(h: CoreHarness): Promise<PrintJob> {
  const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(certificateItem(h.core)));
  expect(tx.status).toBe('delivered');
  const job = await h.ok<PrintJob>('printer:printCertificate', { transactionId: tx.id });
  const final = () => h.log.of<PrintJob>('printer:onJobChanged').find((j) => j.jobId === job.jobId && (j.state === 'done' || j.state === 'failed'));
  await waitUntil(() => final() !== undefined, 'the certificate job to end');
  return final()!;
}

describe('A4 mode "os": the OS spooler through an injected print host', () => {
  it('routes a certificate print through the host and reports the host\'s printer status', async () => {
    const host = new RecordingPrintHost();
    const h = await startCore({ devices: { a4Printer: { mode: 'os', printerName: 'HP LaserJet M404' } } }, host);
    expect(await a4Status(h, (s) => s.state === 'online')).toMatchObject({ name: 'a4-printer', state: 'online', simulated: false });
    await identifyWithCard(h);

    const done = await printCertificate(h);
    expect(done).toMatchObject({ kind: 'certificate', state: 'done', reason: null });
    expect(host.jobs).toEqual([{ printerName: 'HP LaserJet M404', jobName: 'kiosk-certificate', timeoutMs: 120_000, head: '%PDF-', bytes: expect.any(Number) }]);
    expect(h.log.of<PrintJob>('printer:onJobChanged').filter((j) => j.jobId === done.jobId).map((j) => j.state)).toEqual(['queued', 'printing', 'done']);

    // The host's timeout reaches the renderer as `timeout`, not a generic spooler failure.
    host.outcome = { jobId: 0, state: 'aborted', detail: 'no answer from the print system within 120000 ms', reason: 'timeout' };
    expect(await printCertificate(h)).toMatchObject({ state: 'failed', reason: 'timeout' });
    host.outcome = { jobId: 0, state: 'aborted', detail: 'Print job failed' };
    expect(await printCertificate(h)).toMatchObject({ state: 'failed', reason: 'spooler' });

    // A printer out of paper (Windows flags) is refused before anything reaches the host.
    host.state = { printerState: 3, reasons: ['media-empty-error'], acceptingJobs: null };
    const before = host.jobs.length;
    expect(await printCertificate(h)).toMatchObject({ state: 'failed', reason: 'paper-out' });
    expect(host.jobs).toHaveLength(before);
  });

  it('without a host, mode "os" reports the A4 printer missing and refuses to print', async () => {
    const h = await startCore({ devices: { a4Printer: { mode: 'os', printerName: 'HP LaserJet M404' } } });
    expect(await a4Status(h, (s) => s.state === 'noDevice')).toMatchObject({ state: 'noDevice', error: expect.stringContaining('print host') });
    await identifyWithCard(h);
    const tx = await h.ok<SubmitResult>('transactions:submit', filledRequest(certificateItem(h.core)));
    expect(await h.fails('printer:printCertificate', { transactionId: tx.id })).toBe('device-offline');
  });

  it('mode "cups" ignores an injected host', async () => {
    const host = new RecordingPrintHost();
    const h = await startCore({ devices: { a4Printer: { mode: 'cups', printerName: 'KioskPDF', host: '127.0.0.1', port: 9 } } }, host);
    await a4Status(h, () => true);
    expect(host.statusQueries).toBe(0);
    expect(h.core.devices.a4Printer()).not.toBeNull();
    expect(host.jobs).toEqual([]);
  });
});

describe('loadConfig: the A4 mode default a host process passes', () => {
  it('applies only where nothing set the mode; "os" is a valid mode; unknown modes are refused', () => {
    const d = tempDir('kiosk-config-');
    cleanups.push(d.cleanup);
    expect(loadConfig({ dataDir: d.dir }, {}).devices.a4Printer.mode).toBe('cups');
    expect(loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' }).devices.a4Printer).toEqual({ mode: 'os', printerName: 'KioskPDF', host: 'localhost', port: 631 });
    expect(loadConfig({ dataDir: d.dir }, {}, {}).devices.a4Printer.mode).toBe('cups');

    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: { a4Printer: { printerName: 'HP LaserJet M404' } } }));
    expect(loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' }).devices.a4Printer).toMatchObject({ mode: 'os', printerName: 'HP LaserJet M404' });

    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: { a4Printer: { mode: 'cups', host: 'cups.lan' } } }));
    expect(loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' }).devices.a4Printer).toMatchObject({ mode: 'cups', host: 'cups.lan' });

    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: { a4Printer: { mode: 'none' } } }));
    expect(loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' }).devices.a4Printer.mode).toBe('none');

    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: { a4Printer: { mode: 'windows' } } }));
    expect(() => loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' })).toThrow(/devices\.a4Printer\.mode/);
    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: { a4Printer: { mode: 'os', driver: 'x' } } }));
    expect(() => loadConfig({ dataDir: d.dir }, {})).toThrow(/devices\.a4Printer/);
    writeFileSync(join(d.dir, 'kiosk-config.json'), JSON.stringify({ devices: 'nonsense' }));
    expect(() => loadConfig({ dataDir: d.dir }, {}, { a4PrinterMode: 'os' })).toThrow(/devices/);
  });
});
