import type { DeviceStatus } from '../../common/contract/schemas';
import { DeviceError } from '../base/errors';
import type { A4FinalJobState, A4JobState, A4Printer, PrintPdfOptions, PrintPdfResult } from './interface';
import { GroupTag, JOB_STATES, Operation, StatusCode, ValueTag } from './ipp/ipp-constants';
import { attr, findAttribute, numberValue, stringValues, type IppAttribute, type IppMessage } from './ipp/ipp-message';
import { sendIppRequest, type IppEndpoint } from './ipp/ipp-transport';
import { FAILURE_MEANINGS, notReadyError } from './not-ready-error';
import { mapPrinterState, type MappedPrinterState } from './printer-state-map';

/** Options of {@link openCupsPrinter}. */
export interface CupsPrinterOptions {
  /** CUPS queue name, e.g. `KioskPDF`. */
  printerName: string;
  /** Spooler host; default `localhost`. */
  host?: string;
  /** Spooler port; default 631. */
  port?: number;
  /** Name reported in status; default `printerName`. */
  name?: string;
  /** IPP `requesting-user-name`; default `kiosk`. */
  userName?: string;
  /** Job-state polling interval in ms; default 250. */
  pollIntervalMs?: number;
  /** Timeout of each IPP request in ms; default 10 000. */
  requestTimeoutMs?: number;
}

const FINAL: ReadonlySet<A4JobState> = new Set(['completed', 'aborted', 'canceled']);
const PRINTER_ATTRIBUTES = ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'printer-state-message'];
const JOB_ATTRIBUTES = ['job-state', 'job-state-reasons', 'job-state-message'];


/**
 * An A4 printer behind CUPS, spoken to over IPP/HTTP
 * (`ipp://HOST:PORT/printers/NAME`): Print-Job with `application/pdf`,
 * Get-Job-Attributes polling, Cancel-Job, Get-Printer-Attributes for status.
 * Nothing is sent until a method is called; no connection is kept.
 */
export function openCupsPrinter(options: CupsPrinterOptions): A4Printer {
  const host = options.host ?? 'localhost';
  const port = options.port ?? 631;
  const userName = options.userName ?? 'kiosk';
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const endpoint: IppEndpoint = { host, port, path: `/printers/${encodeURIComponent(options.printerName)}` };
  const printerUri = `ipp://${host}:${port}${endpoint.path}`;
  let requestId = 0;

  const call = async (operation: number, extra: IppAttribute[], data: Uint8Array = new Uint8Array(0)): Promise<IppMessage> => {
    requestId = (requestId % 0x7fffffff) + 1;
    const response = await sendIppRequest(
      endpoint,
      {
        version: [2, 0],
        code: operation,
        requestId,
        groups: [
          {
            tag: GroupTag.operation,
            attributes: [
              attr('attributes-charset', ValueTag.charset, 'utf-8'),
              attr('attributes-natural-language', ValueTag.naturalLanguage, 'en'),
              attr('printer-uri', ValueTag.uri, printerUri),
              attr('requesting-user-name', ValueTag.nameWithoutLanguage, userName),
              ...extra,
            ],
          },
        ],
        data,
      },
      options.requestTimeoutMs,
    );
    if (response.code === StatusCode.clientErrorNotFound) {
      throw new DeviceError('DeviceNotReady', `printer ${options.printerName} not found on ${host}:${port}`, { classCode: 'not-found', messageZh: '找不到打印机' });
    }
    return response;
  };

  const ippFailure = (what: string, response: IppMessage): DeviceError => {
    const message = stringValues(response, 'status-message')[0];
    return new DeviceError('ProtocolError', `${what} failed: IPP status 0x${response.code.toString(16).padStart(4, '0')}${message ? ` (${message})` : ''}`, {
      classCode: `ipp-${response.code.toString(16).padStart(4, '0')}`,
      messageZh: FAILURE_MEANINGS.spooler.zh,
    });
  };

  const printerState = async (): Promise<MappedPrinterState> => {
    const r = await call(Operation.getPrinterAttributes, [attr('requested-attributes', ValueTag.keyword, ...PRINTER_ATTRIBUTES)]);
    if (r.code > 0xff) throw ippFailure('Get-Printer-Attributes', r);
    const accepting = findAttribute(r, 'printer-is-accepting-jobs', GroupTag.printer)?.values[0]?.value;
    return mapPrinterState({
      printerState: numberValue(r, 'printer-state', GroupTag.printer),
      reasons: stringValues(r, 'printer-state-reasons', GroupTag.printer),
      acceptingJobs: typeof accepting === 'boolean' ? accepting : null,
    });
  };

  const jobState = async (jobId: number): Promise<{ state: A4JobState; detail: string | null }> => {
    const r = await call(Operation.getJobAttributes, [attr('job-id', ValueTag.integer, jobId), attr('requested-attributes', ValueTag.keyword, ...JOB_ATTRIBUTES)]);
    if (r.code > 0xff) throw ippFailure('Get-Job-Attributes', r);
    const code = numberValue(r, 'job-state', GroupTag.job);
    const state = code !== null ? JOB_STATES[code as keyof typeof JOB_STATES] : undefined;
    if (!state) throw new DeviceError('ProtocolError', `job ${jobId}: unknown job-state ${code}`, { classCode: 'ipp-job-state', messageZh: FAILURE_MEANINGS.spooler.zh });
    const reasons = stringValues(r, 'job-state-reasons', GroupTag.job).filter((x) => x !== 'none');
    const message = stringValues(r, 'job-state-message', GroupTag.job)[0];
    const detail = [reasons.join(', '), message].filter((x) => x).join('; ') || null;
    return { state, detail };
  };

  const cancel = async (jobId: number): Promise<void> => {
    try {
      await call(Operation.cancelJob, [attr('job-id', ValueTag.integer, jobId)]);
    } catch {
      // Best effort: the final state read afterwards tells what happened.
    }
  };

  return {
    async status(): Promise<DeviceStatus> {
      const base = { device: 'a4Printer' as const, name: options.name ?? options.printerName, simulated: false, updatedAt: new Date().toISOString() };
      try {
        const m = await printerState();
        return { ...base, state: m.state, paper: m.paper, coverOpen: m.coverOpen, error: m.error };
      } catch (e) {
        if (e instanceof DeviceError && e.classCode === 'not-found') return { ...base, state: 'noDevice', error: 'printer not found' };
        throw e;
      }
    },

    async printPdf(pdf: Uint8Array, printOptions: PrintPdfOptions = {}): Promise<PrintPdfResult> {
      const timeoutMs = printOptions.timeoutMs ?? 120_000;
      const deadline = Date.now() + timeoutMs;
      const before = await printerState();
      if (before.failure) throw notReadyError(options.printerName, before);

      const submitted = await call(
        Operation.printJob,
        [attr('job-name', ValueTag.nameWithoutLanguage, printOptions.jobName ?? 'kiosk-document'), attr('document-format', ValueTag.mimeMediaType, 'application/pdf')],
        pdf,
      );
      if (submitted.code === StatusCode.serverErrorNotAcceptingJobs) throw notReadyError(options.printerName, { ...before, state: 'offline', error: 'not accepting jobs', failure: 'offline' });
      if (submitted.code > 0xff) throw ippFailure('Print-Job', submitted);
      const jobId = numberValue(submitted, 'job-id', GroupTag.job);
      if (jobId === null) throw new DeviceError('ProtocolError', 'Print-Job answer has no job-id', { classCode: 'ipp-job-id', messageZh: FAILURE_MEANINGS.spooler.zh });

      let last: A4JobState | null = null;
      const report = (state: A4JobState) => {
        if (state !== last) printOptions.onState?.(state);
        last = state;
      };
      const first = JOB_STATES[numberValue(submitted, 'job-state', GroupTag.job) as keyof typeof JOB_STATES];
      if (first) report(first);

      for (;;) {
        const { state, detail } = await jobState(jobId);
        report(state);
        if (FINAL.has(state)) {
          return state === 'completed' ? { jobId, state, reason: null, detail: null } : { jobId, state: state as A4FinalJobState, reason: 'spooler', detail };
        }
        // A job that is not moving while the printer reports a fault will not
        // finish while the person waits: cancel it rather than let it print later.
        if (state !== 'processing') {
          const printer = await printerState();
          if (printer.failure) {
            await cancel(jobId);
            return { jobId, state: 'aborted', reason: printer.failure, detail: printer.error };
          }
        }
        if (Date.now() >= deadline) {
          await cancel(jobId);
          const after = await jobState(jobId);
          report(after.state);
          if (after.state === 'completed') return { jobId, state: 'completed', reason: null, detail: null };
          if (after.state === 'canceled' || after.state === 'aborted') return { jobId, state: after.state, reason: 'timeout', detail: `no final state within ${timeoutMs} ms` };
          throw new DeviceError('DeviceTimeout', `job ${jobId} still ${after.state} after ${timeoutMs} ms and could not be cancelled`, { classCode: 'timeout', messageZh: FAILURE_MEANINGS.timeout.zh });
        }
        await new Promise((r) => setTimeout(r, Math.min(pollIntervalMs, Math.max(0, deadline - Date.now()))));
      }
    },
  };
}
