import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The log files of `dir`, oldest first (pino-roll numbers them kiosk.1.log, kiosk.2.log, ...). Throws when `dir` cannot be read. */
export function logFiles(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => ({ f, n: /^kiosk\.(\d+)\.log$/.exec(f)?.[1] }))
    .filter((x): x is { f: string; n: string } => x.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((x) => join(dir, x.f));
}

/** The last `count` lines over every file, oldest first (the lines are already redacted when written: redact-personal.ts). */
export function lastLines(files: string[], count: number): string[] {
  const out: string[] = [];
  for (const file of [...files].reverse()) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    out.unshift(...lines.slice(Math.max(0, lines.length - (count - out.length))));
    if (out.length >= count) break;
  }
  return out;
}
