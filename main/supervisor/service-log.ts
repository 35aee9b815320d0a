import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Options of {@link createServiceLog}. */
export interface ServiceLogOptions {
  /** File the lines are appended to (created with its folder); null: console only. */
  file: string | null;
  /** Prefix on the console, e.g. `[supervisor]`. */
  prefix: string;
  /** Console sink; default stdout. */
  write?: (text: string) => void;
  /** Default `new Date()`. */
  now?: () => Date;
}

/**
 * The log of supervision events: each event is one line on the console and
 * one line (with an ISO time) in the log file. Lines never hold personal
 * data (the callers write process names, exit codes, counts and reasons).
 * A file that cannot be written does not stop the kiosk: the line still
 * reaches the console, followed once by a line saying the file failed.
 */
export function createServiceLog(options: ServiceLogOptions): (line: string) => void {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const now = options.now ?? (() => new Date());
  let fileFailed = false;
  if (options.file) {
    try {
      mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    } catch {
      // Reported at the first line below.
    }
  }
  return (line: string) => {
    const one = line.replace(/[\r\n]+/g, ' ');
    write(`${options.prefix} ${one}\n`);
    if (!options.file || fileFailed) return;
    try {
      appendFileSync(options.file, `${now().toISOString()} ${one}\n`, { mode: 0o600 });
    } catch (e) {
      fileFailed = true;
      write(`${options.prefix} 日志文件写不进去 / cannot write the log file ${options.file}: ${(e as Error).message}\n`);
    }
  };
}
