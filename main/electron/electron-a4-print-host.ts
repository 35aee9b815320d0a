import { BrowserWindow, session as electronSession, type BrowserWindowConstructorOptions, type PrinterInfo, type Session, type WebContents } from 'electron';
import {
  DeviceError,
  windowsStatusToSpoolerState,
  type A4FailureReason,
  type A4FinalJobState,
  type A4JobState,
  type A4PrintHost,
  type SpoolerPrinterState,
} from '../core/create-kiosk-core';
import { APP_SCHEME } from './app-origin';
import { PrintDocuments } from './print-documents';
import { LOCKED_WEB_PREFERENCES } from './window';

/** Longest a job may take when the caller gives no usable `timeoutMs` (ms). `openHostedPrinter` passes 120 000 by default too. */
export const DEFAULT_PRINT_TIMEOUT_MS = 120_000;

/** Pause between the PDF having loaded and `print()`, so the viewer has laid the pages out (ms). */
export const DEFAULT_PDF_SETTLE_MS = 500;

/** In-memory session (no `persist:` prefix) of the print windows: its `kiosk:` handler serves print documents only. */
export const PRINT_PARTITION = 'kiosk-print';

/** Options of {@link ElectronA4PrintHost}. */
export interface ElectronA4PrintHostOptions {
  /**
   * A live webContents to ask for the printer list (the kiosk window's).
   * When it returns null (start-up, before the window exists) a hidden,
   * never-loaded window is created for that one query and destroyed after.
   */
  queryContents?: () => WebContents | null;
  /** See {@link DEFAULT_PDF_SETTLE_MS}. */
  settleMs?: number;
  /** Platform whose status vocabulary `PrinterInfo` carries; default `process.platform`. */
  platform?: NodeJS.Platform;
}

/** The A4 mode the Electron shell defaults to: the OS spooler through Electron on Windows, CUPS elsewhere. */
export function defaultA4PrinterMode(platform: NodeJS.Platform): 'os' | 'cups' {
  return platform === 'win32' ? 'os' : 'cups';
}

/** The printer `name` designates: its OS name first, else its display name (what Windows shows a person). */
export function findPrinter(printers: ReadonlyArray<PrinterInfo>, name: string): PrinterInfo | null {
  return printers.find((p) => p.name === name) ?? printers.find((p) => p.displayName === name) ?? null;
}

/**
 * Electron's `PrinterInfo` → the spooler model `mapPrinterState` reads.
 * - A numeric `status` on Windows (older Electron builds had it; Electron 45's
 *   `PrinterInfo` no longer declares it) is `PRINTER_INFO_2.Status`:
 *   converted with `windowsStatusToSpoolerState`.
 * - CUPS-backed platforms put IPP attributes into `options`
 *   (`printer-state`, `printer-state-reasons`, `printer-is-accepting-jobs`):
 *   taken as they are.
 * - Otherwise (Windows today: Chromium reports no status) the printer is only
 *   known to be installed: idle with no reasons, i.e. `online`. Faults then
 *   show only in the job's outcome.
 */
export function printerInfoToSpoolerState(info: PrinterInfo, platform: NodeJS.Platform = process.platform): SpoolerPrinterState {
  const status = (info as { status?: unknown }).status;
  if (platform === 'win32' && typeof status === 'number' && Number.isInteger(status) && status >= 0) return windowsStatusToSpoolerState(status);
  const options = (info.options ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string).trim() : '');
  const state = /^\d+$/.test(text('printer-state')) ? Number(text('printer-state')) : null;
  const reasons = text('printer-state-reasons')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r);
  const accepting = text('printer-is-accepting-jobs');
  return {
    printerState: state,
    reasons: reasons.length ? reasons : ['none'],
    acceptingJobs: accepting === 'true' ? true : accepting === 'false' ? false : null,
  };
}

/** What the job ended as. */
export interface PrintOutcome {
  state: A4FinalJobState;
  detail: string | null;
  reason?: A4FailureReason;
}

/**
 * `webContents.print`'s callback → the job's final state. `success` means
 * Chromium handed the job to the OS spooler (electron/electron#38975: a
 * printer out of paper still answers success), so `completed` here means
 * "spooled". A `failureReason` naming a cancellation ("Print job canceled")
 * → `canceled`; any other failure ("Print job failed", "Invalid printer
 * settings", or none given) → `aborted`, the reason kept as the detail.
 */
export function printOutcome(success: boolean, failureReason: string | undefined | null): PrintOutcome {
  if (success) return { state: 'completed', detail: null };
  const detail = failureReason?.trim() || 'Print job failed';
  return /cancel/i.test(detail) ? { state: 'canceled', detail } : { state: 'aborted', detail };
}

/** Hidden, sandboxed, Node-free window options; `plugins` only where a PDF is shown (Chromium's PDF viewer needs it). */
function hiddenWindowOptions(session: Session, pdfViewer: boolean, title: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    title,
    width: 794,
    height: 1123,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, session, plugins: pdfViewer },
  };
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The Windows A4 slot (`A4PrintHost`) over Electron's printing API.
 *
 * Printers: `webContents.getPrintersAsync()`, mapped by
 * {@link printerInfoToSpoolerState}.
 *
 * A job: the PDF is registered under a one-off `kiosk://app/print/<id>.pdf`
 * ({@link PrintDocuments}), loaded into a hidden, sandboxed window (no Node,
 * context isolation, no preload, `plugins: true` for the PDF viewer) of its
 * own in-memory session {@link PRINT_PARTITION}, and printed with
 * `webContents.print({ silent: true, deviceName, printBackground: true })`.
 * The window is destroyed and the URL withdrawn whatever happens (success,
 * failure, load error, renderer crash, timeout). At `timeoutMs` (default
 * {@link DEFAULT_PRINT_TIMEOUT_MS}) the job resolves `aborted`, reason
 * `timeout`: Electron exposes no spooler job to cancel, destroying the window
 * is the cancel it has. `jobId` is always 0 (Electron exposes none).
 *
 * Why Chromium's own PDF viewer, and not PDF pages drawn into a page as
 * images: printing a PDF through the viewer was unreliable for years —
 * "cannot be printed via webContents.print()" (electron/electron#26448,
 * #27383), blank pages (#30947) — and was fixed upstream: the blank page in
 * #43309 (Electron 30–32), the missing callback in #47377 and silent PDF
 * jobs in #47378 (Electron 35–37). This project ships Electron 45, which has
 * all three, and prints the document itself (vector, at the printer's
 * resolution, no rasterising), with no PDF renderer to bundle (pdf.js is not
 * a dependency). Known risk, checked for rather than assumed: the viewer has
 * had trouble with custom schemes (#24859); `kiosk:` is registered standard +
 * secure, the set-up reported to work. Should the viewer not take the
 * document, Chromium offers it as a download: the print session cancels
 * every download and the job ends `aborted` at once instead of printing a
 * blank page. Not run on Windows here: type-checked and unit-tested with a
 * faked Electron.
 *
 * Lockdown: nothing is relaxed. The app-wide guard still applies to these
 * windows; each print window additionally refuses every navigation after its
 * first load, every new window, and its session denies every permission and
 * download. The main window's session never serves print URLs. One host per
 * process (the print session's `kiosk:` handler is registered once).
 */
export class ElectronA4PrintHost implements A4PrintHost {
  private readonly documents = new PrintDocuments();
  private readonly downloadListeners = new Map<number, () => void>();
  private printSessionCache: Session | null = null;

  constructor(private readonly options: ElectronA4PrintHostOptions = {}) {}

  /** Documents currently reachable (0 when no job runs). */
  get servedDocuments(): number {
    return this.documents.size;
  }

  async getPrinterState(printerName: string): Promise<SpoolerPrinterState | null> {
    const printer = findPrinter(await this.listPrinters(), printerName);
    return printer ? printerInfoToSpoolerState(printer, this.options.platform ?? process.platform) : null;
  }

  async printPdf(
    pdf: Uint8Array,
    options: { printerName: string; jobName: string; timeoutMs: number; onState?: (state: A4JobState) => void },
  ): Promise<{ jobId: number; state: A4FinalJobState; detail: string | null; reason?: A4FailureReason }> {
    const limit = Number.isFinite(options.timeoutMs) && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_PRINT_TIMEOUT_MS;
    let finished = false;
    const report = (state: A4JobState) => {
      if (finished) return;
      try {
        options.onState?.(state);
      } catch {
        // A listener's failure is not the job's.
      }
    };
    const lease = this.documents.add(pdf);
    let win: BrowserWindow | null = null;
    let contentsId: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      win = new BrowserWindow(hiddenWindowOptions(this.printSession(), true, options.jobName));
      contentsId = win.webContents.id;
      const running = this.run(win, lease.url, options.printerName, report);
      running.catch(() => undefined); // settled by the timeout: a late rejection must not go unhandled
      const timedOut = new Promise<PrintOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ state: 'aborted', reason: 'timeout', detail: `no answer from the print system within ${limit} ms` }), limit);
      });
      const outcome = await Promise.race([running, timedOut]);
      report(outcome.state);
      return { jobId: 0, ...outcome };
    } finally {
      finished = true;
      clearTimeout(timer);
      lease.release();
      if (contentsId !== null) this.downloadListeners.delete(contentsId);
      if (win && !win.isDestroyed()) win.destroy();
    }
  }

  /** Load, wait for the viewer, print; never touches the window after it is destroyed by the caller. */
  private async run(win: BrowserWindow, url: string, printerName: string, report: (state: A4JobState) => void): Promise<PrintOutcome> {
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    const stopped = new Promise<PrintOutcome>((resolve) => {
      this.downloadListeners.set(contents.id, () => resolve({ state: 'aborted', detail: 'the PDF viewer did not take the document (it was offered as a download)' }));
      contents.once('render-process-gone', (_event, details) => resolve({ state: 'aborted', detail: `print renderer gone: ${details.reason}` }));
    });

    const printer = findPrinter(await contents.getPrintersAsync(), printerName);
    if (!printer) throw new DeviceError('DeviceNotReady', `printer ${printerName} not found`, { classCode: 'not-found', messageZh: '找不到打印机' });
    report('pending');

    const loaded = win.loadURL(url).then(
      () => null,
      (e: unknown) => ({ state: 'aborted' as const, detail: `could not load the document: ${e instanceof Error ? e.message : String(e)}` }),
    );
    const failedLoad = await Promise.race([loaded, stopped]);
    if (failedLoad) return failedLoad;
    const settled = await Promise.race([delay(this.options.settleMs ?? DEFAULT_PDF_SETTLE_MS).then(() => null), stopped]);
    if (settled) return settled;
    if (win.isDestroyed()) return { state: 'aborted', detail: 'print window closed' };

    report('processing');
    const printed = new Promise<PrintOutcome>((resolve) => {
      try {
        contents.print({ silent: true, deviceName: printer.name, printBackground: true }, (success, failureReason) => resolve(printOutcome(success, failureReason)));
      } catch (e) {
        resolve({ state: 'aborted', detail: e instanceof Error ? e.message : String(e) });
      }
    });
    return Promise.race([printed, stopped]);
  }

  /** The printer list, from the kiosk window when there is one, else from a hidden window made for this query. */
  private async listPrinters(): Promise<PrinterInfo[]> {
    const live = this.options.queryContents?.();
    if (live && !live.isDestroyed()) return live.getPrintersAsync();
    const win = new BrowserWindow(hiddenWindowOptions(this.printSession(), false, 'printers'));
    try {
      return await win.webContents.getPrintersAsync();
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  }

  /** The print windows' session, set up on first use: print documents only, no permissions, no downloads. */
  private printSession(): Session {
    if (this.printSessionCache) return this.printSessionCache;
    const ses = electronSession.fromPartition(PRINT_PARTITION);
    ses.protocol.handle(APP_SCHEME, async (request) => this.documents.handle(request));
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.on('will-download', (event, _item, contents) => {
      event.preventDefault();
      this.downloadListeners.get(contents.id)?.();
    });
    this.printSessionCache = ses;
    return ses;
  }
}
