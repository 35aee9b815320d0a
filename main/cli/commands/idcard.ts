import { maskIdNumber, maskName } from '../../../common/domain/masking';
import { DeviceError } from '../../../drivers/base/errors';
import { openSerialBytePort } from '../../../drivers/base/serial-byte-port';
import type { BytePort } from '../../../drivers/base/byte-port';
import { IdCardError, IdCardSimulator, loadSimCard, openIdCardReader, parseFault, SIM_FAULTS, type IdCardData, type SimCard } from '../../../drivers/idcard/index';
import { intOption, numberOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../cli-types';
import { portOpenFailureLine } from '../port-open-failure';

/** Exit statuses of `kioskctl idcard` (issue 3; other tools depend on them). */
export const IDCARD_EXIT = { ok: 0, usage: 2, noCard: 3, deviceError: 4, portOpenFailed: 5 } as const;

const USAGE = `Usage:
  kioskctl idcard read --port PATH [--baud N] [--fingerprint] [--wait SECONDS] [--json]
      Reads one card (读取身份证). --wait defaults to 10 s; --baud to 115200.
      With --json prints one JSON object with the card fields; otherwise a masked summary.
  kioskctl idcard sim --port PATH --card FILE.json [--fault NAME] [--baud N]
      Runs the reader simulator on a serial port until Ctrl-C (模拟读卡器).
      Faults: ${SIM_FAULTS.join(', ')} (each optionally with -once).

Exit status: 0 read; 2 usage; 3 no card within --wait; 4 device or protocol error
(SW3 code and meaning on stderr); 5 port cannot be opened.`;

/** `kioskctl idcard read|sim`: the technician's ID card reader test tools. */
export const idcardCommand: CliCommand = {
  name: 'idcard',
  summary: 'read an ID card, or run the reader simulator on a port (身份证读卡器)',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'read') return runRead(rest, io);
    if (sub === 'sim') return runSim(rest, io);
    throw new UsageError(sub === undefined ? 'missing subcommand (read or sim)' : `unknown subcommand "${sub}"`);
  },
};

async function runRead(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    baud: { type: 'string' },
    fingerprint: { type: 'boolean' },
    wait: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const path = requireOption(values, 'port');
  const baudRate = intOption(values, 'baud', 115200);
  const waitSeconds = numberOption(values, 'wait', 10);
  const port = await openPort(path, baudRate, io);
  if (!port) return IDCARD_EXIT.portOpenFailed;
  const reader = openIdCardReader(port, { name: 'idcard', simulated: false });
  try {
    const data = await reader.read({ fingerprint: values.fingerprint === true, waitMs: Math.round(waitSeconds * 1000) });
    io.stdout(values.json === true ? `${JSON.stringify(data)}\n` : summary(data));
    return IDCARD_EXIT.ok;
  } catch (e) {
    if (e instanceof IdCardError && e.sw3 === 0x80) {
      io.stderr(`kioskctl idcard: no card within ${waitSeconds} s (SW3 80: ${e.meaning} / 未检测到证件)\n`);
      return IDCARD_EXIT.noCard;
    }
    io.stderr(`kioskctl idcard: ${describeError(e)}\n`);
    return IDCARD_EXIT.deviceError;
  } finally {
    await reader.close();
  }
}

async function runSim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    card: { type: 'string' },
    fault: { type: 'string' },
    baud: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const path = requireOption(values, 'port');
  const cardPath = requireOption(values, 'card');
  const baudRate = intOption(values, 'baud', 115200);
  const fault = typeof values.fault === 'string' ? values.fault : null;
  let card: SimCard;
  try {
    card = loadSimCard(cardPath);
    if (fault !== null) parseFault(fault);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const port = await openPort(path, baudRate, io);
  if (!port) return IDCARD_EXIT.portOpenFailed;
  const sim = new IdCardSimulator(port, { card, fault });
  const vanished = new Promise<'vanished'>((resolve) => port.onClose((error) => error && resolve('vanished')));
  io.stderr(`idcard simulator on ${path}: ${card.cardType} card${fault ? `, fault ${fault}` : ''}. Ctrl-C to stop. (身份证读卡器模拟器运行中)\n`);
  const outcome = await Promise.race([io.stopSignal.then(() => 'stopped' as const), vanished]);
  await sim.close();
  if (outcome === 'vanished') {
    io.stderr('kioskctl idcard: the serial port went away (串口已断开)\n');
    return IDCARD_EXIT.deviceError;
  }
  return EXIT.ok;
}

async function openPort(path: string, baudRate: number, io: CliIo): Promise<BytePort | null> {
  try {
    return await openSerialBytePort({ path, baudRate });
  } catch (e) {
    io.stderr(portOpenFailureLine('idcard', path, e));
    return null;
  }
}

/** One line for stderr: SW3 code and meaning for reader statuses, else the error kind. */
function describeError(e: unknown): string {
  if (e instanceof IdCardError) return `SW3 ${e.classCode}: ${e.meaning} (${e.messageZh.replace(/^SW3 [0-9A-F]{2}：/, '')})`;
  if (e instanceof DeviceError) return `${e.kind}: ${e.message} (${e.messageZh})`;
  return `unexpected error: ${(e as Error).message ?? String(e)}`;
}

/** A masked, human-readable summary (no full name or number on screen). */
function summary(d: IdCardData): string {
  return [
    `card type : ${d.cardType}`,
    `name      : ${maskName(d.name || (d.englishName ?? ''))}`,
    `id number : ${maskIdNumber(d.idNumber)} (${d.idNumberValid ? 'check digit ok' : 'CHECK DIGIT INVALID'})`,
    `valid to  : ${d.validTo}${d.expired ? ' (EXPIRED)' : ''}`,
    `photo     : ${Buffer.from(d.photoWlt, 'base64').length} bytes WLT`,
    `fingerprint: ${d.fingerprint === null ? 'none' : `${Buffer.from(d.fingerprint, 'base64').length} bytes`}`,
    '',
  ].join('\n');
}
