import { CoreToShellSchema, type ShellToCore } from '../core/process/core-port-protocol';
import { ReportedStartupFailure, StartupError } from '../core/startup-failure';
import type { CoreProcess } from './core-process';

/** The `init` message without its tag. */
export type CoreInit = Omit<Extract<ShellToCore, { t: 'init' }>, 't'>;

/** A core that said `ready`. */
export interface ReadyCore {
  process: CoreProcess;
  /** Extra routes the child serves (simulator controls in development). */
  routes: Array<{ method: 'GET' | 'POST'; path: string }>;
}

/**
 * Sends `init` to a fresh core process and waits for its `ready`. Rejects
 * with ReportedStartupFailure (its one line and exit code) when the core reports a start-up failure,
 * and with a StartupError when it exits first or is not ready within
 * `timeoutMs` (default 60 s; the process is killed then).
 */
export function startCore(process: CoreProcess, init: CoreInit, timeoutMs = 60_000): Promise<ReadyCore> {
  return new Promise<ReadyCore>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      off();
      fn();
    };
    const timer = setTimeout(() => {
      process.kill('SIGKILL');
      finish(() => reject(new StartupError(`核心进程 ${Math.round(timeoutMs / 1000)} 秒内没有就绪`, `the core process was not ready within ${Math.round(timeoutMs / 1000)} s`)));
    }, timeoutMs);
    const off = process.onMessage((raw) => {
      const parsed = CoreToShellSchema.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.t === 'ready') finish(() => resolve({ process, routes: m.routes }));
      else if (m.t === 'failed') finish(() => reject(new ReportedStartupFailure(m.text, m.exitCode)));
    });
    void process.exited.then((exit) =>
      finish(() => reject(new StartupError(`核心进程启动时退出（${exit.signal ?? `exit ${exit.code}`}）`, `the core process exited while starting (${exit.signal ?? `exit ${exit.code}`})`))),
    );
    process.send({ t: 'init', ...init });
  });
}
