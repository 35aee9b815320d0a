import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logDirOf } from './open-kiosk-logger';

/** pino's numeric levels by name. */
export const LOG_LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** The log files of `dir`, oldest first (pino-roll numbers them kiosk.1.log, kiosk.2.log, ...). */
export function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => ({ f, n: /^kiosk\.(\d+)\.log$/.exec(f)?.[1] }))
    .filter((x): x is { f: string; n: string } => x.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((x) => join(dir, x.f));
}

/** The last `count` lines over every file, oldest first. */
export function lastLogLines(files: string[], count: number): string[] {
  const out: string[] = [];
  for (const file of [...files].reverse()) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    out.unshift(...lines.slice(Math.max(0, lines.length - (count - out.length))));
    if (out.length >= count) break;
  }
  return out;
}

/** One log line as the technician screen shows it: time, level, part and event (the fields are left out). */
export interface LogHeadline {
  time: string;
  level: string;
  part: string;
  event: string;
}

/**
 * The last `count` lines of the kiosk log of `dataDir` as headlines only
 * (time, level, part, event): the fields are dropped, so even a value the
 * redaction missed never reaches the screen. A line that is not JSON shows
 * as event `unreadable-line`. No log yet gives an empty list.
 */
export function recentLogHeadlines(dataDir: string, count: number): LogHeadline[] {
  return lastLogLines(logFiles(logDirOf(dataDir)), count).map((line) => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return { time: '', level: '-', part: '-', event: 'unreadable-line' };
    }
    const text = (v: unknown, max: number) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v)).slice(0, max);
    const time = typeof record.time === 'number' ? new Date(record.time).toISOString() : text(record.time, 40);
    return { time, level: (LOG_LEVELS[Number(record.level)] ?? text(record.level, 8)).slice(0, 8), part: text(record.part ?? '-', 20), event: text(record.event ?? record.msg ?? '', 80) };
  });
}
