import { join } from 'node:path';
import type { Clock } from '../../main/supervisor/clock';
import { configureUpdater, type RefusedUpdate, type UpdaterOptions, type VerifiedUpdate } from '../../main/electron/updater';
import { linuxTerminal, type RecordingInstaller, type TerminalApp } from './node-updater';

/** A clock whose time the test sets (epoch ms from an ISO string) and whose timers are real. */
export class SettableClock implements Clock {
  private ms: number;
  /** How many times the time was read (each window check reads it). */
  reads = 0;
  constructor(iso: string) {
    this.ms = Date.parse(iso);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  now(): number {
    this.reads++;
    return this.ms;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    return setTimeout(fn, ms);
  }
  clearTimeout(handle: unknown): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

/** A terminal running the kiosk's updater (configureUpdater) against a feed, with everything it reported. */
export interface RunningTerminal {
  app: TerminalApp;
  installer: RecordingInstaller;
  lines: string[];
  refused: RefusedUpdate[];
  installed: VerifiedUpdate[];
  /** How many times the updater asked whether the kiosk is idle. */
  idleAsks: number;
  stop: () => void;
}

/** Starts terminal `dir` at `version` on `feedUrl`'s `latest` channel with configureUpdater; polls every 20 ms. */
export function runTerminal(options: { feedUrl: string; dir: string; version: string } & Partial<UpdaterOptions>): RunningTerminal {
  const { app, updater, installer } = linuxTerminal({ feedUrl: options.feedUrl, dir: options.dir, version: options.version });
  const t: RunningTerminal = { app, installer, lines: [], refused: [], installed: [], idleAsks: 0, stop: () => undefined };
  const isIdle = options.isIdle ?? (() => true);
  t.stop = configureUpdater(updater, {
    idlePollMs: 20,
    checkIntervalMs: 60 * 60 * 1000,
    ...options,
    feed: options.feed ?? { url: options.feedUrl, channel: 'latest' },
    isIdle: () => {
      t.idleAsks++;
      return isIdle();
    },
    log: (l) => t.lines.push(l),
    onRefused: (r) => t.refused.push(r),
    onInstalled: (u) => t.installed.push(u),
  });
  return t;
}

/** Resolves once `condition()` holds (checked every 10 ms); rejects after `ms` with `describe()`. */
export function until(condition: () => boolean, describe: () => string, ms = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      if (condition()) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out: ${describe()}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

/** Waits `ms` of real time. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The cache directory electron-updater downloads a terminal's pending update into. */
export function pendingDir(terminalDir: string): string {
  return join(terminalDir, 'cache', 'gov-kiosk-updater', 'pending');
}
