import type { KioskStore } from '../../../offline-cache/index';
import { openPrinterPort, openReceiptPrinter, printFailureReason, ReceiptDocumentSchema } from '../../../drivers/receipt-printer/index';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, type CliCommand, type CliIo } from '../cli-types';
import { portOpenFailureLine } from '../port-open-failure';
import { openExistingStore } from '../existing-store';

const USAGE = `kioskctl print-jobs list --data-dir DIR [--json]
kioskctl print-jobs reprint --data-dir DIR --job ID --port PATH|tcp://HOST[:PORT] [--baud N]

Receipts are journalled before they print (queued → printing → done, or
failed with a reason). "list" shows every job not yet printed — failed ones
(paper out, cover open, offline) and ones cut off by a crash. "reprint" prints
one of them again on the given printer and records the outcome.

Exit status: 0 listed / printed, 2 usage, 3 no such unfinished job,
4 printer error (reason on stderr), 5 port cannot be opened.`;

function openStore(dataDir: string, io: CliIo): KioskStore {
  return openExistingStore(dataDir, io.keys);
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  const store = openStore(requireOption(values, 'data-dir'), io);
  try {
    const jobs = store.printJobs.unfinished().map((j) => ({ id: j.id, transactionId: j.transactionId, state: j.state, reason: j.reason, createdAt: j.createdAt, updatedAt: j.updatedAt }));
    if (values.json) io.stdout(JSON.stringify(jobs) + '\n');
    else if (jobs.length === 0) io.stdout('没有待补打的回执 / no unfinished print jobs\n');
    else for (const j of jobs) io.stdout(`${j.id}  ${j.state.padEnd(8)} ${(j.reason ?? '-').padEnd(14)} ${j.updatedAt}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

async function reprint(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, job: { type: 'string' }, port: { type: 'string' }, baud: { type: 'string' } });
  const dataDir = requireOption(values, 'data-dir');
  const jobId = requireOption(values, 'job');
  const portSpec = requireOption(values, 'port');
  const baud = intOption(values, 'baud', 115200);
  const store = openStore(dataDir, io);
  try {
    const job = store.printJobs.get(jobId);
    if (!job || job.state === 'done' || job.document === null) {
      io.stderr(`kioskctl print-jobs: no unfinished job ${jobId}\n`);
      return 3;
    }
    const document = ReceiptDocumentSchema.safeParse(job.document);
    if (!document.success) {
      io.stderr(`kioskctl print-jobs: job ${jobId} holds no valid receipt document\n`);
      return 4;
    }
    let port;
    try {
      port = await openPrinterPort(portSpec, baud);
    } catch (e) {
      io.stderr(portOpenFailureLine('print-jobs', portSpec, e));
      return 5;
    }
    const printer = openReceiptPrinter(port, { name: 'receipt-printer', simulated: false });
    // A job cut off by a crash is still "printing": close that attempt as failed first.
    if (job.state === 'printing') store.printJobs.markFailed(jobId, 'interrupted');
    store.printJobs.markPrinting(jobId);
    store.audit.append('print-jobs.reprint', { jobId });
    try {
      const outcome = await printer.print(document.data);
      store.printJobs.markDone(jobId, outcome.confirmed ? null : 'unconfirmed');
      io.stdout(outcome.confirmed ? `printed ${jobId}\n` : `printed ${jobId} (not confirmed: this printer does not report when it has finished)\n`);
      return EXIT.ok;
    } catch (e) {
      const reason = printFailureReason(e);
      store.printJobs.markFailed(jobId, reason);
      io.stderr(`kioskctl print-jobs: printer error: ${reason}\n`);
      return 4;
    } finally {
      await printer.close();
    }
  } finally {
    store.close();
  }
}

/** `kioskctl print-jobs`: the technician's view of the receipt journal, and reprint. */
export const printJobsCommand: CliCommand = {
  name: 'print-jobs',
  summary: 'list receipts not yet printed (paper out, crash) and reprint one (补打回执)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'list') return list(rest, io);
    if (sub === 'reprint') return reprint(rest, io);
    io.stderr(`${USAGE}\n`);
    return EXIT.usage;
  },
};
