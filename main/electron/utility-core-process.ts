import { utilityProcess } from 'electron';
import type { CoreProcess, ExitInfo } from '../supervisor/core-process';

/** The part of Electron's `UtilityProcess` the adapter uses (faked in tests). */
export interface UtilityChild {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Starts a utility process (default Electron's `utilityProcess.fork`). */
export type UtilityFork = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }) => UtilityChild;

/**
 * The core in an Electron `utilityProcess` (the shell's adapter for
 * {@link CoreProcess}): a Node environment of its own, so SQLite and device
 * I/O never block the shell and a crash of the core never takes the window
 * down. The child's end is `process.parentPort` (main/core/process/parent-port.ts).
 * A utility process reports an exit code only; `kill` ends it whatever the
 * signal asked for.
 */
export function utilityCoreProcess(modulePath: string, fork: UtilityFork = (p, a, o) => utilityProcess.fork(p, a, o) as unknown as UtilityChild): CoreProcess {
  const child = fork(modulePath, [], { serviceName: 'kiosk-core', stdio: 'inherit' });
  let done = false;
  const exited = new Promise<ExitInfo>((resolve) =>
    child.on('exit', (code) => {
      done = true;
      resolve({ code, signal: null });
    }),
  );
  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      if (!done) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', listener);
      return () => void child.off('message', listener);
    },
    exited,
    kill() {
      if (!done) child.kill();
    },
  };
}
