import type { KeyProvider } from '../../offline-cache/index';

/** Standard streams of one kioskctl run; injected so commands are testable in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); long-running commands await it. */
  stopSignal: Promise<void>;
  /**
   * Where the kiosk's data key comes from; default the development file key
   * (`FileKeyProvider` in the data directory). The packaged app's entry
   * (`--kioskctl`) passes the shell's sealed key provider.
   */
  keys?: KeyProvider;
}

/** Exit statuses shared by every command. Commands may define more (documented in their usage). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** The configuration file is invalid (same code as a usage error: the technician must fix what they wrote). */
  config: 2,
} as const;

/**
 * One top-level kioskctl command (e.g. `idcard`, `printer`, `tx`). `run`
 * receives the arguments after the command name and returns the exit status.
 * It must never throw for expected failures: print a clear line on stderr and
 * return the documented status.
 */
export interface CliCommand {
  name: string;
  /** One line for `kioskctl --help`. */
  summary: string;
  /** Full usage text for `kioskctl NAME --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown by argument helpers; turned into exit status 2 with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}
