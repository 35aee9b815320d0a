import { fork } from 'node:child_process';
import type { ShellToCore } from '../core/process/core-port-protocol';

/** How a process ended. */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

/**
 * The shell's handle on one core process, whatever started it: a Node child
 * with an IPC channel ({@link forkNodeCore}, browser mode and tests) or an
 * Electron utilityProcess (main/electron/utility-core-process.ts).
 */
export interface CoreProcess {
  /** OS process id; undefined before the process has started. */
  readonly pid: number | undefined;
  /** Posts one message to the core; dropped when the process is gone. */
  send(message: ShellToCore): void;
  /** Subscribes to the core's messages (unvalidated); returns an unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Settles once, when the process has ended (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Ends the process with `signal` (default SIGTERM). No-op once it has exited. */
  kill(signal?: NodeJS.Signals): void;
}

/** Makes a new core process each time it is called. */
export type CoreProcessFactory = () => CoreProcess;

/**
 * A core in a Node child with an IPC channel (`child_process.fork`, the
 * `advanced` structured-clone serialisation). `entry` is a module path;
 * `execArgv` defaults to `['--import', 'tsx']` so a TypeScript entry runs as
 * is. The child's stdout and stderr are the parent's. Under Electron the
 * child is told to behave as plain Node (ELECTRON_RUN_AS_NODE).
 */
export function forkNodeCore(entry: string, options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CoreProcess {
  const env = { ...(options.env ?? process.env), ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) };
  const child = fork(entry, [], {
    execArgv: options.execArgv ?? ['--import', 'tsx'],
    env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => {
      if (child.exitCode === null && child.signalCode === null && child.pid === undefined) resolve({ code: null, signal: null });
    });
  });
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (child.connected) child.send(message, (e) => void e);
    },
    onMessage(listener) {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
