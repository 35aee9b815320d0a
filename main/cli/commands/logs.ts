import { logDirOf } from '../../core/logging/open-kiosk-logger';
import { lastLogLines, LOG_LEVELS, logFiles } from '../../core/logging/read-log-lines';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, type CliCommand } from '../cli-types';
import { EXIT_NO_KIOSK_DATA } from '../existing-store';

const usage = `Usage: kioskctl logs --data-dir DIR [--lines N] [--json]

Shows the last N lines (default 50) of the kiosk's structured log
(<DIR>/logs/kiosk.N.log, rotated at 10 MB, 5 old files kept), oldest first:
time, level, part (core, drivers, uplink, offline-cache), event and fields.
Personal data never reaches these files (names, ID numbers, addresses, typed
numbers are redacted before writing). --json prints the raw JSON lines.

Exit status: 0 shown, 2 usage error, 5 no logs in DIR.`;

/** One JSON line as `time LEVEL part event key=value ...`; a line that is not JSON is shown as is. */
function readable(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, part, event, pid: _pid, hostname: _host, msg: _msg, ...fields } = record;
  const rest = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return [String(time ?? ''), (LOG_LEVELS[Number(level)] ?? String(level)).padEnd(5), String(part ?? '-').padEnd(13), String(event ?? ''), rest].filter((p) => p !== '').join(' ');
}

/** `kioskctl logs`: the kiosk's structured log, without personal data. */
export const logsCommand: CliCommand = {
  name: 'logs',
  summary: 'Show the kiosk log (no personal data): logs --data-dir DIR [--lines N] [--json]',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, lines: { type: 'string' }, json: { type: 'boolean' } });
    const dataDir = requireOption(values, 'data-dir');
    const count = intOption(values, 'lines', 50);
    const dir = logDirOf(dataDir);
    const files = logFiles(dir);
    if (files.length === 0) {
      io.stderr(`这里没有终端日志 / no kiosk logs here: ${dir}\n`);
      return EXIT_NO_KIOSK_DATA;
    }
    for (const line of lastLogLines(files, count)) io.stdout(`${values.json ? line : readable(line)}\n`);
    return EXIT.ok;
  },
};
