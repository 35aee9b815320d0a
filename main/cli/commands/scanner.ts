import { openSerialBytePort } from '../../../drivers/base/serial-byte-port';
import { openSerialScanner } from '../../../drivers/scanner/serial-scanner';
import { ScannerSimulator } from '../../../drivers/scanner/sim/scanner-simulator';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../cli-types';
import { portOpenFailureLine } from '../port-open-failure';

/** Exit status when the device vanished while listening. */
const EXIT_DEVICE = 4;
/** Exit status when the port cannot be opened. */
const EXIT_PORT = 5;

const usage = [
  'Usage: kioskctl scanner listen --port PATH [--baud N]',
  '       kioskctl scanner sim --port PATH --payload TEXT [--baud N] [--crlf] [--chunk N]',
  '',
  'listen  Reads a QR / barcode scanner in virtual-COM mode (CR or CRLF terminated)',
  '        and prints each scanned payload on its own line until Ctrl+C.',
  '        Rejected scans (too long, control characters) are reported on stderr.',
  'sim     Plays a scanner on PATH: writes TEXT followed by CR (CRLF with --crlf),',
  '        in writes of N bytes with --chunk. For testing a kiosk with no scanner.',
  '',
  'Options: --baud N  serial speed, default 9600 (ignored by ptys)',
  '',
  'Exit status: 0 stopped normally / payload sent; 2 usage; 4 device disconnected',
  'while listening; 5 port cannot be opened.',
].join('\n');

const DEFAULT_BAUD = 9600;

async function openPort(path: string, baud: number, io: CliIo) {
  try {
    return await openSerialBytePort({ path, baudRate: baud });
  } catch (e) {
    io.stderr(portOpenFailureLine('scanner', path, e));
    return null;
  }
}

async function listen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { port: { type: 'string' }, baud: { type: 'string' } });
  const path = requireOption(values, 'port');
  const baud = intOption(values, 'baud', DEFAULT_BAUD);
  const port = await openPort(path, baud, io);
  if (!port) return EXIT_PORT;
  const scanner = openSerialScanner(port, { name: 'scanner', simulated: false });
  scanner.on('scanned', ({ payload }) => io.stdout(`${payload}\n`));
  scanner.on('rejected', (e) => io.stderr(`rejected: ${e.message} / ${e.messageZh}\n`));
  const lost = new Promise<string>((resolve) => scanner.on('status', (s) => s.state === 'offline' && resolve(s.error ?? 'closed')));
  const outcome = await Promise.race([io.stopSignal.then(() => null), lost]);
  await scanner.close();
  if (outcome === null) return EXIT.ok;
  io.stderr(`kioskctl scanner: device disconnected: ${outcome} (扫码枪已断开)\n`);
  return EXIT_DEVICE;
}

async function sim(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: 'string' },
    payload: { type: 'string' },
    baud: { type: 'string' },
    crlf: { type: 'boolean' },
    chunk: { type: 'string' },
  });
  const path = requireOption(values, 'port');
  const payload = values.payload;
  if (typeof payload !== 'string') throw new UsageError('--payload is required');
  const baud = intOption(values, 'baud', DEFAULT_BAUD);
  const chunk = values.chunk === undefined ? undefined : intOption(values, 'chunk', 1);
  const port = await openPort(path, baud, io);
  if (!port) return EXIT_PORT;
  const simulator = new ScannerSimulator(port);
  try {
    await simulator.scan(payload, { terminator: values.crlf ? '\r\n' : '\r', chunkSize: chunk, chunkDelayMs: chunk ? 5 : 0 });
  } catch (e) {
    io.stderr(`kioskctl scanner: ${(e as Error).message}\n`);
    await simulator.close();
    return EXIT_DEVICE;
  }
  await simulator.close();
  return EXIT.ok;
}

/** `kioskctl scanner listen|sim`: technician tools for QR / barcode scanners in virtual-COM mode. */
export const scannerCommand: CliCommand = {
  name: 'scanner',
  summary: 'QR / barcode scanner: listen for scans, or simulate one (扫码枪)',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'listen') return listen(rest, io);
    if (sub === 'sim') return sim(rest, io);
    throw new UsageError(sub === undefined ? 'a subcommand is required' : `unknown subcommand "${sub}"`);
  },
};
