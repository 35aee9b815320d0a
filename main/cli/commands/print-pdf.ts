import { readFile } from 'node:fs/promises';
import { openCupsPrinter } from '../../../drivers/a4-printer/cups-printer';
import { isDeviceError } from '../../../drivers/base/errors';
import { intOption, numberOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';

/** Exit status: job aborted or canceled, or the printer cannot print. */
const EXIT_PRINTER = 4;
/** Exit status: the spooler cannot be reached. */
const EXIT_SPOOLER = 5;

const usage = [
  'Usage: kioskctl print-pdf --printer NAME FILE.pdf [--json] [--host HOST] [--port N] [--timeout SECONDS]',
  '',
  'Submits FILE.pdf to the printer NAME through the OS spooler (IPP to CUPS at',
  'HOST:N, default localhost:631) and waits for the job\'s final state.',
  'Prints "job ID: STATE" (completed, aborted or canceled); with --json prints',
  '{"jobId": number, "state": "completed"|"aborted"|"canceled", "printer": NAME}.',
  '--timeout: longest wait for the final state, default 120 s; then the job is cancelled.',
  '',
  'Exit status: 0 completed; 2 usage (or FILE missing / not a PDF); 4 aborted,',
  'canceled or printer not ready (reason on stderr); 5 spooler unreachable.',
].join('\n');

/** `kioskctl print-pdf`: prints an A4 PDF through the spooler and reports the job's final state. */
export const printPdfCommand: CliCommand = {
  name: 'print-pdf',
  summary: 'Print a PDF on an A4 printer through the OS spooler (A4 打印)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      printer: { type: 'string' },
      json: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string' },
      timeout: { type: 'string' },
    });
    const printerName = requireOption(values, 'printer');
    if (positionals.length !== 1) throw new UsageError('exactly one FILE.pdf is required');
    const file = positionals[0]!;
    const port = intOption(values, 'port', 631);
    const timeoutMs = numberOption(values, 'timeout', 120) * 1000;
    let pdf: Uint8Array;
    try {
      pdf = await readFile(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-') throw new UsageError(`${file} is not a PDF (no %PDF- header)`);

    const printer = openCupsPrinter({ printerName, host: typeof values.host === 'string' ? values.host : undefined, port });
    try {
      const result = await printer.printPdf(pdf, { jobName: 'kioskctl-print-pdf', timeoutMs });
      io.stdout(values.json ? `${JSON.stringify({ jobId: result.jobId, state: result.state, printer: printerName })}\n` : `job ${result.jobId}: ${result.state}\n`);
      if (result.state === 'completed') return EXIT.ok;
      io.stderr(`kioskctl print-pdf: job ${result.jobId} ${result.state}: ${result.reason ?? 'unknown'}${result.detail ? ` (${result.detail})` : ''}\n`);
      return EXIT_PRINTER;
    } catch (e) {
      if (!isDeviceError(e)) throw e;
      io.stderr(`kioskctl print-pdf: ${e.message} (${e.messageZh})\n`);
      return e.classCode === 'spooler-unreachable' ? EXIT_SPOOLER : EXIT_PRINTER;
    }
  },
};
