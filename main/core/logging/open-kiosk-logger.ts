import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger as PinoLogger } from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../../../common/logging/logger';
import { redactPersonal } from './redact-personal';

/** Options of {@link openKioskLogger}. */
export interface KioskLoggerOptions {
  /** The kiosk's data directory; logs go to `<dataDir>/logs/kiosk.N.log`. */
  dataDir: string;
  /** Lowest level written; default `info`. */
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Size at which a log file is rotated; default `10m`. */
  rotateSize?: string;
  /** Rotated files kept besides the current one; default 5 (at most ~60 MB of logs). */
  keepFiles?: number;
}

/** An open file logger: the {@link Logger} and how to flush and close it. */
export interface KioskLogger {
  logger: Logger;
  /** The directory the log files are in. */
  dir: string;
  /** Flushes and closes the file. Idempotent. */
  close(): Promise<void>;
}

/** Directory of the log files under a data dir. */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs');
}

function adapt(p: PinoLogger): Logger {
  const line = (level: 'info' | 'warn' | 'error') => (event: string, fields: Record<string, unknown> = {}) => {
    try {
      p[level]({ ...(redactPersonal(fields) as Record<string, unknown>), event });
    } catch {
      // Logging never breaks the caller.
    }
  };
  return { info: line('info'), warn: line('warn'), error: line('error'), child: (bindings) => adapt(p.child(redactPersonal(bindings) as Record<string, unknown>)) };
}

/**
 * Opens the kiosk's structured log: JSON lines (pino) in
 * `<dataDir>/logs/kiosk.N.log`, rotated by size (pino-roll) with the oldest
 * files removed. Every record passes through {@link redactPersonal} before
 * it is written. Rejects when the log directory cannot be created.
 */
export async function openKioskLogger(options: KioskLoggerOptions): Promise<KioskLogger> {
  const dir = logDirOf(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const stream = await pinoRoll({ file: join(dir, 'kiosk'), extension: '.log', size: options.rotateSize ?? '10m', limit: { count: options.keepFiles ?? 5 }, mkdir: true });
  const p = pino({ level: options.level ?? 'info', base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, stream);
  let closed: Promise<void> | null = null;
  return {
    logger: adapt(p),
    dir,
    close() {
      closed ??= new Promise<void>((resolve) => {
        p.flush(() => {
          stream.once('close', () => resolve());
          stream.end();
        });
      });
      return closed;
    },
  };
}
