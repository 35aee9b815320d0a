import { maskIdNumber, maskName } from '../../../common/domain/masking';
import { loadSimSsCard, openSmartcardBinding, openSsCardReader, parseSsFault, SS_SIM_FAULTS, SsCardError, VPCD_DEFAULT_PORT, VpcdCard, type PcscBinding, type SimSsCard, type SsCardData, type SsSimFault } from '../../../drivers/sscard/index';
import { intOption, numberOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../cli-types';
import { IDCARD_EXIT } from './idcard';

/** Exit statuses of `kioskctl sscard`: the same as `kioskctl idcard` (5: PC/SC or the reader cannot be reached). */
export const SSCARD_EXIT = IDCARD_EXIT;

const USAGE = `Usage:
  kioskctl sscard read [--reader TEXT] [--wait SECONDS] [--json]
      Reads one social-security card's public basic data (读取社会保障卡) through PC/SC.
      --reader picks the first reader whose name contains TEXT (default the first reader);
      --wait defaults to 10 s. With --json prints one JSON object; otherwise a masked summary.
  kioskctl sscard sim --card FILE.json [--vpcd-port N] [--vpcd-host HOST] [--fault NAME]
      Presents a virtual card to pcscd's vpcd reader until Ctrl-C (模拟社保卡).
      --vpcd-port defaults to ${VPCD_DEFAULT_PORT}. Faults: ${SS_SIM_FAULTS.join(', ')}.

Exit status: 0 read; 2 usage; 3 no card within --wait; 4 card or protocol error
(refusal and meaning on stderr); 5 PC/SC service or reader cannot be reached.`;

/** `kioskctl sscard read|sim`: the technician's social-security card tools. */
export const sscardCommand: CliCommand = {
  name: 'sscard',
  summary: 'read a social-security card, or present a virtual one to pcscd (社保卡读卡器)',
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
    reader: { type: 'string' },
    wait: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const waitSeconds = numberOption(values, 'wait', 10);
  let binding: PcscBinding;
  try {
    binding = await openSmartcardBinding();
  } catch (e) {
    io.stderr(`kioskctl sscard: ${describeError(e)}\n`);
    return SSCARD_EXIT.portOpenFailed;
  }
  const readerName = typeof values.reader === 'string' ? values.reader : undefined;
  const reader = openSsCardReader(binding, { name: 'sscard', simulated: false, ...(readerName === undefined ? {} : { readerName }) });
  try {
    const data = await reader.read({ waitMs: Math.round(waitSeconds * 1000) });
    io.stdout(values.json === true ? `${JSON.stringify(data)}\n` : summary(data));
    return SSCARD_EXIT.ok;
  } catch (e) {
    if (e instanceof SsCardError && e.refusal === 'no-card') {
      io.stderr(`kioskctl sscard: no card within ${waitSeconds} s (no-card / 未检测到社保卡)\n`);
      return SSCARD_EXIT.noCard;
    }
    io.stderr(`kioskctl sscard: ${describeError(e)}\n`);
    if (e instanceof SsCardError && (e.refusal === 'no-reader' || e.refusal === 'service-unavailable')) return SSCARD_EXIT.portOpenFailed;
    return SSCARD_EXIT.deviceError;
  } finally {
    await reader.close();
  }
}

async function runSim(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    card: { type: 'string' },
    fault: { type: 'string' },
    'vpcd-port': { type: 'string' },
    'vpcd-host': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const cardPath = requireOption(values, 'card');
  const port = intOption(values, 'vpcd-port', VPCD_DEFAULT_PORT);
  const host = typeof values['vpcd-host'] === 'string' ? values['vpcd-host'] : '127.0.0.1';
  let card: SimSsCard;
  let fault: SsSimFault | null = null;
  try {
    card = loadSimSsCard(cardPath);
    if (typeof values.fault === 'string') fault = parseSsFault(values.fault);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const sim = new VpcdCard(card, { host, port, fault });
  try {
    await sim.insert();
  } catch (e) {
    io.stderr(`kioskctl sscard: 无法连接 vpcd ${host}:${port} / cannot reach vpcd at ${host}:${port}: ${(e as Error).message}\n`);
    return SSCARD_EXIT.portOpenFailed;
  }
  io.stderr(`sscard simulator on vpcd ${host}:${port}${fault ? `, fault ${fault}` : ''}. Ctrl-C to stop. (社保卡模拟器运行中)\n`);
  const outcome = await Promise.race([io.stopSignal.then(() => 'stopped' as const), sim.closed.then(() => 'closed' as const)]);
  await sim.remove();
  if (outcome === 'closed' && !sim.leftByFault) {
    io.stderr('kioskctl sscard: vpcd closed the connection (读卡器连接已断开)\n');
    return SSCARD_EXIT.deviceError;
  }
  return EXIT.ok;
}

/** One line for stderr: the refusal, its English detail and Chinese meaning. Never card data. */
function describeError(e: unknown): string {
  if (e instanceof SsCardError) return `${e.message} (${e.messageZh})`;
  return `unexpected error: ${(e as Error).message ?? String(e)}`;
}

/** A masked, human-readable summary (no full name or number on screen). */
function summary(d: SsCardData): string {
  return [
    `card number : ${maskIdNumber(d.cardNumber)}`,
    `name        : ${maskName(d.name)}`,
    `id number   : ${maskIdNumber(d.idNumber)} (${d.idNumberValid ? 'check digit ok' : 'CHECK DIGIT INVALID'})`,
    `region      : ${d.issuingRegion}`,
    `valid to    : ${d.validTo}${d.expired ? ' (EXPIRED)' : ''}`,
    '',
  ].join('\n');
}
