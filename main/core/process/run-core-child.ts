import { KioskConfigSchema } from '../config';
import { createKioskCore, type KioskCore } from '../create-kiosk-core';
import { describeStartupFailure } from '../startup-failure';
import { ShellToCoreSchema, type CoreToShell } from './core-port-protocol';
import { parentPort } from './parent-port';
import { serveCorePort, type CoreRoute } from './serve-core-port';

/** Options of {@link runCoreChild}. */
export interface CoreChildOptions {
  /** Extra routes served over the port (simulator controls in development builds). Default none. */
  routes?: (core: KioskCore) => CoreRoute[];
}

/**
 * Body of the core's own process (Electron utilityProcess or Node child):
 * waits for the shell's `init` message, builds the core with that
 * configuration, serves the contract over the port and says `ready`. A
 * start-up failure is sent as `failed` (the one line of
 * `describeStartupFailure`) and the process exits with its code. When the
 * shell goes away (its IPC channel closes) or asks `stop`, the core closes
 * devices, sync and the store and exits 0, so a core never outlives its shell.
 * Crashes are left to Node (non-zero exit): the supervisor restarts the core.
 */
export function runCoreChild(options: CoreChildOptions = {}): void {
  const port = parentPort<CoreToShell>();
  const log = (line: string) => port.send({ t: 'log', line: line.slice(0, 2000) });
  let core: KioskCore | null = null;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const done = () => process.exit(0);
    void (core?.close() ?? Promise.resolve()).then(done, done);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);

  const offInit = port.onMessage((raw) => {
    const parsed = ShellToCoreSchema.safeParse(raw);
    if (!parsed.success || parsed.data.t !== 'init') return;
    offInit();
    const init = parsed.data;
    void (async () => {
      try {
        const config = KioskConfigSchema.parse(init.config);
        const key = init.key ? Buffer.from(init.key, 'base64') : null;
        core = await createKioskCore(config, {
          ...(key ? { keyProvider: { getKey: () => key } } : {}),
          ...(init.keyProtection ? { keyProtection: init.keyProtection } : {}),
          ...(init.syncPollIntervalMs ? { syncPollIntervalMs: init.syncPollIntervalMs } : {}),
          ...(init.probeIntervalMs ? { probeIntervalMs: init.probeIntervalMs } : {}),
          ...(init.alerts ? { startupAlerts: init.alerts } : {}),
          ...(init.enrolmentCode ? { enrolmentCode: init.enrolmentCode } : {}),
          onHeartbeat: (report) => port.send({ t: 'heartbeat', ...report }),
          log,
        });
        const routes = options.routes?.(core) ?? [];
        serveCorePort(core, port, { routes, onStop: stop });
        port.send({ t: 'ready', pid: process.pid, routes: routes.map((r) => ({ method: r.method, path: r.path })) });
      } catch (e) {
        const failure = describeStartupFailure(e);
        port.send({ t: 'failed', text: failure.text, exitCode: failure.exitCode });
        setTimeout(() => process.exit(failure.exitCode), 50);
      }
    })();
  });
}
