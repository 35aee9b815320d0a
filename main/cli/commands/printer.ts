import { readFileSync } from 'node:fs';
import { isDeviceError } from '../../../drivers/base/errors';
import type { BytePort } from '../../../drivers/base/byte-port';
import {
  openPrinterPort,
  openReceiptPrinter,
  ReceiptDocumentSchema,
  isKnownFault,
  ReceiptPrinterSimulator,
  SIM_FAULT_NAMES,
  SIM_PRINTER_PROFILES,
  type SimPrinterProfile,
  testPageDocument,
  type PrinterCondition,
  type ReceiptDocument,
} from '../../../drivers/receipt-printer/index';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../cli-types';
import { portOpenFailureLine } from '../port-open-failure';

/** Exit statuses of `kioskctl printer` (issue 4). */
export const PRINTER_EXIT = { ...EXIT, printerError: 4, portError: 5 } as const;

const usage = `Usage:
  kioskctl printer receipt --port PATH [--baud N] --file RECEIPT.json
  kioskctl printer status  --port PATH [--baud N] [--json]
  kioskctl printer test    --port PATH [--baud N]
  kioskctl printer sim     --port PATH [--baud N] [--preview-dir DIR] [--fault NAME] [--profile NAME]

ESC/POS receipt printer (小票打印机). PATH is a serial device or tcp://HOST[:9100].
receipt  prints RECEIPT.json (format: docs/receipt-document.md); personal lines are masked.
status   asks the printer; --json prints {"online": bool, "paper": "ok"|"near-end"|"out", "coverOpen": bool, "error": null|string}.
test     prints a test page: Chinese text, a rare character, a QR code, a cut.
sim      runs the printer simulator on PATH until stopped (Ctrl-C). Faults: paper-out,
         paper-out-after:N, near-end, cover-open, offline, cutter-error, unresponsive.
         Profiles (printers met in the field): full (default), no-paper-status (never answers
         GS r 1), no-asb (no automatic status back), realtime-only (answers only DLE EOT).

Exit status: 0 done, 2 usage error, 4 printer error (reason on stderr, e.g. paper out),
5 port cannot be opened.`;

const portOptions = { port: { type: 'string' }, baud: { type: 'string' } } as const;

function isSimPrinterProfile(name: string): name is SimPrinterProfile {
  return Object.hasOwn(SIM_PRINTER_PROFILES, name);
}

/** The `--json` line, byte for byte as issue 4 specifies it. */
export function formatStatusJson(c: PrinterCondition): string {
  return `{"online": ${c.online}, "paper": ${JSON.stringify(c.paper)}, "coverOpen": ${c.coverOpen}, "error": ${JSON.stringify(c.error)}}`;
}

async function withPort(values: Record<string, unknown>, io: CliIo, work: (port: BytePort) => Promise<number>): Promise<number> {
  const path = requireOption(values, 'port');
  const baud = intOption(values, 'baud', 115200);
  let port: BytePort;
  try {
    port = await openPrinterPort(path, baud);
  } catch (e) {
    io.stderr(portOpenFailureLine('printer', path, e));
    return PRINTER_EXIT.portError;
  }
  try {
    return await work(port);
  } catch (e) {
    if (!isDeviceError(e)) throw e;
    io.stderr(`kioskctl printer: printer error: ${e.message} (${e.messageZh})\n`);
    return PRINTER_EXIT.printerError;
  } finally {
    await port.close();
  }
}

function readReceiptFile(file: string): ReceiptDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read receipt file ${file}: ${(e as Error).message}`);
  }
  const parsed = ReceiptDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`invalid receipt file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

async function printDocument(values: Record<string, unknown>, io: CliIo, doc: ReceiptDocument): Promise<number> {
  return withPort(values, io, async (port) => {
    const printer = openReceiptPrinter(port, { name: 'receipt', simulated: false });
    const outcome = await printer.print(doc);
    io.stdout(outcome.confirmed ? 'printed\n' : 'printed (not confirmed: this printer does not report when it has finished)\n');
    return PRINTER_EXIT.ok;
  });
}

async function runSim(values: Record<string, unknown>, io: CliIo): Promise<number> {
  const fault = typeof values.fault === 'string' ? values.fault : null;
  const previewDir = typeof values['preview-dir'] === 'string' ? values['preview-dir'] : undefined;
  const path = requireOption(values, 'port');
  const profile = typeof values.profile === 'string' ? values.profile : 'full';
  if (!isSimPrinterProfile(profile)) throw new UsageError(`unknown profile "${profile}" (known: ${Object.keys(SIM_PRINTER_PROFILES).join(', ')})`);
  if (fault !== null && !isKnownFault(fault)) throw new UsageError(`unknown fault "${fault}" (known: ${SIM_FAULT_NAMES.join(', ')})`);
  let port: BytePort;
  try {
    port = await openPrinterPort(path, intOption(values, 'baud', 115200));
  } catch (e) {
    io.stderr(portOpenFailureLine('printer', path, e));
    return PRINTER_EXIT.portError;
  }
  const sim = new ReceiptPrinterSimulator(port, { previewDir, fault, ...SIM_PRINTER_PROFILES[profile] });
  sim.on('printed', (p) => {
    const qr = p.receipt.elements.filter((e) => e.kind === 'qr').length;
    io.stdout(`printed receipt ${p.index}: ${p.receipt.elements.length} elements, ${qr} QR${p.previewPath ? `, preview ${p.previewPath}` : ''}\n`);
  });
  io.stdout(`receipt printer simulator ready on ${path} (fault: ${fault ?? 'none'}${profile === 'full' ? '' : `, profile: ${profile}`})\n`);
  await io.stopSignal;
  await sim.close();
  return PRINTER_EXIT.ok;
}

/** `kioskctl printer receipt|status|test|sim`: the ESC/POS receipt printer. */
export const printerCommand: CliCommand = {
  name: 'printer',
  summary: 'receipt printer: print a receipt or test page, show status, run the simulator',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'receipt': {
        const { values } = parseCommandArgs(rest, { ...portOptions, file: { type: 'string' } });
        requireOption(values, 'port');
        const doc = readReceiptFile(requireOption(values, 'file'));
        return printDocument(values, io, doc);
      }
      case 'test': {
        const { values } = parseCommandArgs(rest, portOptions);
        return printDocument(values, io, testPageDocument());
      }
      case 'status': {
        const { values } = parseCommandArgs(rest, { ...portOptions, json: { type: 'boolean' } });
        return withPort(values, io, async (port) => {
          const printer = openReceiptPrinter(port, { name: 'receipt', simulated: false });
          const c = await printer.queryStatus();
          if (values.json) io.stdout(formatStatusJson(c) + '\n');
          else io.stdout(`online: ${c.online ? 'yes' : 'no'}\npaper: ${c.paper}\ncover open: ${c.coverOpen ? 'yes' : 'no'}\nerror: ${c.error ?? 'none'}\n`);
          return PRINTER_EXIT.ok;
        });
      }
      case 'sim': {
        const { values } = parseCommandArgs(rest, { ...portOptions, 'preview-dir': { type: 'string' }, fault: { type: 'string' }, profile: { type: 'string' } });
        return runSim(values, io);
      }
      default:
        throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
    }
  },
};
