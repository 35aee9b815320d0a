import type { CoreHeartbeatReport } from '../core/heartbeat-report';
import { CoreToShellSchema } from '../core/process/core-port-protocol';
import type { Clock } from './clock';
import type { CoreProcess, CoreProcessFactory } from './core-process';
import type { CrashLoopOptions } from './crash-loop';
import { RemoteCore } from './remote-core';
import { startCore, type CoreInit } from './start-core';
import { Supervisor, type SupervisedRun, type SupervisorState } from './supervisor';

/** How long an orderly stop of the core may take before it is killed, in ms. */
export const CORE_STOP_GRACE_MS = 5000;

/** Options of {@link startSupervisedCore}. */
export interface SupervisedCoreOptions extends CrashLoopOptions {
  /** Makes a fresh core process (Node child or utilityProcess). */
  factory: CoreProcessFactory;
  /** The `init` message for each start; `alerts` it returns are joined by the crash-loop alert. */
  init(): CoreInit;
  /** One line per event, to the console and the log. */
  log(line: string): void;
  /** How long a start may take, in ms. Default 60 000. */
  startTimeoutMs?: number;
  /** See {@link SupervisorOptions.outOfServiceRetryMs}. */
  outOfServiceRetryMs?: number | null;
  clock?: Clock;
  /** Called on every state change (after the remote core has been attached or detached). */
  onState?(state: SupervisorState): void;
  /** Called after each heartbeat the running core's platform acknowledged (pinned version, devices opened). Default none. */
  onHeartbeat?(report: CoreHeartbeatReport): void;
}

/** A core in its own process under a supervisor. */
export interface SupervisedCore {
  /** What the hosts use in place of the in-process dispatcher and event hub. */
  readonly remote: RemoteCore;
  readonly supervisor: Supervisor;
  /** Extra routes the core served at its first start (simulator controls). */
  readonly routes: Array<{ method: 'GET' | 'POST'; path: string }>;
  /** The running core's process id, or undefined while it is down. */
  pid(): number | undefined;
  /** Stops the core in order and for good. */
  close(): Promise<void>;
}

interface CoreRun extends SupervisedRun {
  process: CoreProcess;
  routes: Array<{ method: 'GET' | 'POST'; path: string }>;
}

/**
 * Starts the core in its own process and keeps it running: the hosts talk
 * to {@link SupervisedCore.remote}, which follows each restart; a crash
 * tells every page `core-restarting`, the crash-loop cap `crash-loop` (and
 * the next core start reports the alert on its first heartbeat). Rejects
 * when the first start fails (a start-up failure: ReportedStartupFailure
 * carries the core's own line and exit code).
 */
export async function startSupervisedCore(options: SupervisedCoreOptions): Promise<SupervisedCore> {
  const remote = new RemoteCore();
  // The start function reads the supervisor's alerts; it runs only after the supervisor exists.
  const holder: { supervisor: Supervisor | null } = { supervisor: null };
  const start = async (): Promise<CoreRun> => {
    const process = options.factory();
    // The core's own lines (no catalogue, catalogue back) go to the same log as the supervisor's.
    process.onMessage((raw) => {
      const m = raw as { t?: unknown; line?: unknown } | null;
      if (m?.t === 'log' && typeof m.line === 'string') options.log(m.line.slice(0, 2000));
      if (m?.t === 'heartbeat' && options.onHeartbeat) {
        const parsed = CoreToShellSchema.safeParse(raw);
        if (parsed.success && parsed.data.t === 'heartbeat') options.onHeartbeat(parsed.data);
      }
    });
    const init = options.init();
    const alerts = [...(init.alerts ?? []), ...(holder.supervisor?.alerts() ?? [])];
    const ready = await startCore(process, { ...init, ...(alerts.length > 0 ? { alerts } : {}) }, options.startTimeoutMs);
    return {
      process,
      routes: ready.routes,
      exited: process.exited,
      stop: async () => {
        process.send({ t: 'stop' });
        const timer = setTimeout(() => process.kill('SIGKILL'), CORE_STOP_GRACE_MS);
        await process.exited;
        clearTimeout(timer);
      },
    };
  };
  const supervisor = new Supervisor({
    ...options,
    label: { zh: '核心进程', en: 'core' },
    start,
    onState(state, run) {
      if (state === 'running' && run) remote.attach((run as CoreRun).process);
      else if (state === 'out-of-service') remote.detach({ inService: false, reason: 'crash-loop' });
      else if (state === 'restarting' && remote.isAttached()) remote.detach({ inService: false, reason: 'core-restarting' });
      options.onState?.(state);
    },
  });
  holder.supervisor = supervisor;
  await supervisor.start();
  const routes = (supervisor.run as CoreRun).routes;
  return {
    remote,
    supervisor,
    routes,
    pid: () => (supervisor.run as CoreRun | null)?.process.pid,
    close: async () => {
      await supervisor.stop();
      remote.detach({ inService: false, reason: 'core-restarting' }, false);
    },
  };
}
