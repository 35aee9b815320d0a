import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { printFake, resetPrintFake, type FakePartitionSession, type FakePrintContents, type FakePrintWindow } from '../../tests/support/fake-electron-print';
import { DeviceError, type A4JobState } from '../core/create-kiosk-core';
import { createAppProtocolHandler } from './app-protocol';
import {
  defaultA4PrinterMode,
  ElectronA4PrintHost,
  findPrinter,
  PRINT_PARTITION,
  printerInfoToSpoolerState,
  printOutcome,
} from './electron-a4-print-host';
import { setupGlobalLockdown } from './lockdown';

vi.mock('electron', async () => (await import('../../tests/support/fake-electron-print')).electronPrintModule);

const PDF = new TextEncoder().encode('%PDF-1.7\n% certificate\n%%EOF\n');
const HP = { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404 (大厅)', description: 'HP LaserJet', options: { 'printer-location': 'hall' } };
const OTHER = { name: 'Microsoft Print to PDF', displayName: 'Microsoft Print to PDF', description: '', options: {} };

const tmp = mkdtempSync(join(tmpdir(), 'a4-host-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => {
  resetPrintFake();
  printFake.printers = [OTHER, HP];
});

function host(options: ConstructorParameters<typeof ElectronA4PrintHost>[0] = {}) {
  return new ElectronA4PrintHost({ settleMs: 1, platform: 'win32', ...options });
}

function print(h: ElectronA4PrintHost, extra: Partial<{ printerName: string; timeoutMs: number }> = {}) {
  const states: A4JobState[] = [];
  const done = h.printPdf(PDF, { printerName: extra.printerName ?? 'HP_LaserJet_M404', jobName: 'kiosk-certificate', timeoutMs: extra.timeoutMs ?? 5000, onState: (s) => states.push(s) });
  return { done, states };
}

const printSession = () => printFake.sessions.get(PRINT_PARTITION) as FakePartitionSession;
const fetchInPrintSession = async (url: string) => printSession().handlers.get('kiosk')!({ url, method: 'GET' } as Request);
const onlyWindow = (): FakePrintWindow => {
  expect(printFake.windows).toHaveLength(1);
  return printFake.windows[0]!;
};

describe('printer list → uniform status', () => {
  it('maps Windows status flags, CUPS options, and a Windows printer without status', () => {
    expect(printerInfoToSpoolerState({ ...HP, status: 0x10 } as never, 'win32')).toEqual({ printerState: 3, reasons: ['media-empty-error'], acceptingJobs: null });
    expect(printerInfoToSpoolerState({ ...HP, status: 0x1 | 0x80 } as never, 'win32')).toEqual({ printerState: 5, reasons: ['paused', 'offline-report'], acceptingJobs: null });
    expect(printerInfoToSpoolerState(HP as never, 'win32')).toEqual({ printerState: null, reasons: ['none'], acceptingJobs: null });
    const cups = { ...HP, options: { 'printer-state': '5', 'printer-state-reasons': 'paused, media-low-report', 'printer-is-accepting-jobs': 'false' } };
    expect(printerInfoToSpoolerState(cups as never, 'linux')).toEqual({ printerState: 5, reasons: ['paused', 'media-low-report'], acceptingJobs: false });
    // A numeric status means Windows flags only on Windows.
    expect(printerInfoToSpoolerState({ ...HP, status: 0x10 } as never, 'linux')).toEqual({ printerState: null, reasons: ['none'], acceptingJobs: null });
  });

  it('finds a printer by OS name, then by display name', () => {
    expect(findPrinter([OTHER, HP] as never, 'HP_LaserJet_M404')?.name).toBe('HP_LaserJet_M404');
    expect(findPrinter([OTHER, HP] as never, 'HP LaserJet M404 (大厅)')?.name).toBe('HP_LaserJet_M404');
    expect(findPrinter([OTHER, HP] as never, 'KioskPDF')).toBeNull();
  });

  it('defaults to the OS spooler on Windows only', () => {
    expect(defaultA4PrinterMode('win32')).toBe('os');
    expect(defaultA4PrinterMode('linux')).toBe('cups');
    expect(defaultA4PrinterMode('darwin')).toBe('cups');
  });

  it('getPrinterState asks the kiosk window when there is one, else a hidden window it destroys', async () => {
    const contents = { isDestroyed: () => false, getPrintersAsync: async () => [{ ...HP, status: 0x400000 }] };
    const withWindow = host({ queryContents: () => contents as never });
    expect(await withWindow.getPrinterState('HP_LaserJet_M404')).toEqual({ printerState: 3, reasons: ['door-open-error'], acceptingJobs: null });
    expect(await withWindow.getPrinterState('nope')).toBeNull();
    expect(printFake.windows).toHaveLength(0);

    const early = host({ queryContents: () => null });
    expect(await early.getPrinterState('HP LaserJet M404 (大厅)')).toEqual({ printerState: null, reasons: ['none'], acceptingJobs: null });
    const w = onlyWindow();
    expect(w.destroyed).toBe(true);
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: false, disableBlinkFeatures: 'Auxclick' } });
    expect(w.loadedUrl).toBeNull();
  });
});

describe('ElectronA4PrintHost.printPdf', () => {
  it('prints silently on the named printer from a hidden sandboxed window, then destroys it', async () => {
    const h = host();
    let servedWhilePrinting: { status: number; bytes: Uint8Array } | null = null;
    printFake.onPrint = (contents, _options, callback) => {
      void (async () => {
        const win = printFake.windows.find((w) => w.webContents === contents)!;
        const r = await fetchInPrintSession(win.loadedUrl!);
        servedWhilePrinting = { status: r.status, bytes: new Uint8Array(await r.arrayBuffer()) };
        callback(true, '');
      })();
    };
    const { done, states } = print(h, { printerName: 'HP LaserJet M404 (大厅)' });
    expect(await done).toEqual({ jobId: 0, state: 'completed', detail: null });
    expect(states).toEqual(['pending', 'processing', 'completed']);

    const w = onlyWindow();
    expect(w.webContents.printCalls).toEqual([{ options: { silent: true, deviceName: 'HP_LaserJet_M404', printBackground: true } }]);
    expect(w.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, plugins: true, devTools: false, disableBlinkFeatures: 'Auxclick' },
    });
    expect((w.options.webPreferences as { preload?: string }).preload).toBeUndefined();
    expect((w.options.webPreferences as { session?: FakePartitionSession }).session?.partition).toBe(PRINT_PARTITION);
    expect(w.loadedUrl).toMatch(/^kiosk:\/\/app\/print\/[0-9a-f]{32}\.pdf$/);
    expect(w.loaded).toEqual({ status: 200, type: 'application/pdf', bytes: PDF });
    expect(servedWhilePrinting).toEqual({ status: 200, bytes: PDF });
    expect(w.destroyed).toBe(true);
    expect(h.servedDocuments).toBe(0);
    expect((await fetchInPrintSession(w.loadedUrl!)).status).toBe(404);
  });

  it.each([
    ['Print job failed', { state: 'aborted', detail: 'Print job failed' }],
    ['Invalid printer settings', { state: 'aborted', detail: 'Invalid printer settings' }],
    ['', { state: 'aborted', detail: 'Print job failed' }],
    ['Print job canceled', { state: 'canceled', detail: 'Print job canceled' }],
  ])('callback failure %j → %j, window destroyed', async (failureReason, expected) => {
    const h = host();
    printFake.onPrint = (_c, _o, callback) => void setTimeout(() => callback(false, failureReason), 1);
    const { done, states } = print(h);
    expect(await done).toEqual({ jobId: 0, ...expected });
    expect(states.at(-1)).toBe(expected.state);
    expect(onlyWindow().destroyed).toBe(true);
    expect(h.servedDocuments).toBe(0);
  });

  it('printOutcome maps the callback arguments', () => {
    expect(printOutcome(true, 'ignored')).toEqual({ state: 'completed', detail: null });
    expect(printOutcome(false, 'Print job canceled')).toEqual({ state: 'canceled', detail: 'Print job canceled' });
    expect(printOutcome(false, undefined)).toEqual({ state: 'aborted', detail: 'Print job failed' });
  });

  it('a spooler that never answers: aborted with reason timeout, window destroyed, URL withdrawn', async () => {
    const h = host();
    printFake.onPrint = () => undefined;
    const started = Date.now();
    const { done, states } = print(h, { timeoutMs: 80 });
    const result = await done;
    expect(result).toMatchObject({ jobId: 0, state: 'aborted', reason: 'timeout' });
    expect(result.detail).toContain('80 ms');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(states).toEqual(['pending', 'processing', 'aborted']);
    const w = onlyWindow();
    expect(w.webContents.printCalls).toHaveLength(1);
    expect(w.destroyed).toBe(true);
    expect((await fetchInPrintSession(w.loadedUrl!)).status).toBe(404);
  });

  it('a load that hangs is cut by the same timeout', async () => {
    const h = host();
    printFake.onLoad = () => new Promise(() => undefined);
    const { done } = print(h, { timeoutMs: 50 });
    expect(await done).toMatchObject({ state: 'aborted', reason: 'timeout' });
    expect(onlyWindow().destroyed).toBe(true);
    expect(onlyWindow().webContents.printCalls).toHaveLength(0);
  });

  it('the PDF viewer refusing the document (offered as a download): aborted at once, nothing printed', async () => {
    const h = host();
    printFake.onLoad = async (win) => {
      let prevented = false;
      const session = win.webContents.session!;
      session.emit('will-download', { preventDefault: () => (prevented = true) }, {}, win.webContents);
      expect(prevented).toBe(true);
      await new Promise(() => undefined); // the real load never finishes either
    };
    const { done } = print(h);
    const result = await done;
    expect(result).toMatchObject({ state: 'aborted' });
    expect(result.detail).toContain('download');
    expect(result.reason).toBeUndefined();
    expect(onlyWindow().webContents.printCalls).toHaveLength(0);
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('a print renderer crash ends the job aborted', async () => {
    const h = host();
    printFake.onPrint = (contents: FakePrintContents) => void setTimeout(() => contents.emit('render-process-gone', {}, { reason: 'crashed' }), 1);
    const { done } = print(h);
    expect(await done).toEqual({ jobId: 0, state: 'aborted', detail: 'print renderer gone: crashed' });
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('print() throwing (invalid settings) ends the job aborted', async () => {
    const h = host();
    printFake.onPrint = () => {
      throw new Error('Invalid deviceName provided');
    };
    expect(await print(h).done).toEqual({ jobId: 0, state: 'aborted', detail: 'Invalid deviceName provided' });
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('an unknown printer rejects with DeviceNotReady before loading anything; the window is still destroyed', async () => {
    const h = host();
    const { done, states } = print(h, { printerName: 'KioskPDF' });
    await expect(done).rejects.toBeInstanceOf(DeviceError);
    await expect(done).rejects.toMatchObject({ kind: 'DeviceNotReady', classCode: 'not-found' });
    expect(states).toEqual([]);
    expect(onlyWindow().loadedUrl).toBeNull();
    expect(onlyWindow().destroyed).toBe(true);
    expect(h.servedDocuments).toBe(0);
  });

  it('two jobs at once: separate windows and URLs, both destroyed', async () => {
    const h = host();
    const a = print(h);
    const b = print(h);
    expect((await a.done).state).toBe('completed');
    expect((await b.done).state).toBe('completed');
    expect(printFake.windows).toHaveLength(2);
    expect(printFake.windows[0]!.loadedUrl).not.toBe(printFake.windows[1]!.loadedUrl);
    expect(printFake.windows.every((w) => w.destroyed)).toBe(true);
  });
});

describe('lockdown around print windows', () => {
  it('the print session serves print documents only, and only during the job; the app session never serves them', async () => {
    const rendererDir = join(tmp, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<html></html>');
    const appHandler = createAppProtocolHandler(rendererDir);
    const h = host();
    let during: Record<string, number> = {};
    printFake.onPrint = (contents, _o, callback) => {
      void (async () => {
        const url = printFake.windows.find((w) => w.webContents === contents)!.loadedUrl!;
        during = {
          printSession: (await fetchInPrintSession(url)).status,
          appSession: (await appHandler({ url, method: 'GET' } as Request)).status,
          rendererFromPrintSession: (await fetchInPrintSession('kiosk://app/index.html')).status,
          guessedId: (await fetchInPrintSession(url.replace(/[0-9a-f]{4}\.pdf$/, '0000.pdf'))).status,
        };
        callback(true, '');
      })();
    };
    await print(h).done;
    expect(during).toEqual({ printSession: 200, appSession: 404, rendererFromPrintSession: 404, guessedId: 404 });
  });

  it('print windows refuse every navigation and new window, on top of the app-wide guard; the session denies permissions and downloads', async () => {
    setupGlobalLockdown();
    const h = host();
    const seen: Record<string, unknown> = {};
    printFake.onPrint = (contents, _o, callback) => {
      const navigate = (event: string, url: string) => {
        let prevented = false;
        contents.emit(event, { url, preventDefault: () => (prevented = true) });
        return prevented;
      };
      seen.evil = navigate('will-navigate', 'https://evil.example/');
      seen.file = navigate('will-navigate', 'file:///C:/Windows/win.ini');
      seen.app = navigate('will-navigate', 'kiosk://app/index.html');
      seen.redirect = navigate('will-redirect', 'https://evil.example/');
      seen.open = contents.windowOpenHandler?.({ url: 'kiosk://app/index.html' });
      const session = printSession();
      let granted: boolean | null = null;
      (session.permissionRequestHandler as unknown as (...a: unknown[]) => void)(contents, 'media', (g: boolean) => (granted = g), { isMainFrame: true });
      seen.permission = granted;
      seen.check = (session.permissionCheckHandler as unknown as (...a: unknown[]) => boolean)(contents, 'media', 'kiosk://app', {});
      seen.device = (session.devicePermissionHandler as unknown as () => boolean)();
      let downloadPrevented = false;
      session.emit('will-download', { preventDefault: () => (downloadPrevented = true) }, {}, { id: -1 });
      seen.download = downloadPrevented;
      callback(true, '');
    };
    expect((await print(h).done).state).toBe('completed');
    expect(seen).toEqual({ evil: true, file: true, app: true, redirect: true, open: { action: 'deny' }, permission: false, check: false, device: false, download: true });
  });

  it('the app-wide guard is unchanged: any other window may navigate inside kiosk://app only', async () => {
    setupGlobalLockdown();
    const { BrowserWindow } = await import('electron');
    const other = new BrowserWindow({}) as unknown as FakePrintWindow;
    const prevented = (url: string) => {
      let p = false;
      other.webContents.emit('will-navigate', { url, preventDefault: () => (p = true) });
      return p;
    };
    expect(prevented('https://evil.example/')).toBe(true);
    expect(prevented('kiosk://app.evil/')).toBe(true);
    expect(prevented('kiosk://app/service/1')).toBe(false);
    expect(other.webContents.windowOpenHandler?.({ url: 'kiosk://app/' })).toEqual({ action: 'deny' });
  });
});
