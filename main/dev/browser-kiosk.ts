import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskConfig } from '../core/config';
import type { ExitInfo } from '../supervisor/core-process';
import { forkNodeCore } from '../supervisor/core-process';
import type { CrashLoopOptions } from '../supervisor/crash-loop';
import { startSupervisedCore, type SupervisedCore } from '../supervisor/supervised-core';
import type { IdleGate } from '../supervisor/idle-gate';
import { watchKioskActivity } from '../supervisor/kiosk-activity';
import { scheduleNightlyRestart } from '../supervisor/nightly-restart';
import { Supervisor, type SupervisedRun } from '../supervisor/supervisor';
import { startWebHost, type WebHost } from '../web/web-host';
import { DEV_ENROLMENT_SITE, startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';

const CORE_ENTRY = fileURLToPath(new URL('./browser-core-child.ts', import.meta.url));

/** Options of {@link startBrowserKiosk}. */
export interface BrowserKioskOptions {
  /** The loaded configuration; without `platformUrl` the embedded platform-sim is started (and supervised). */
  config: KioskConfig;
  /** Built renderer, or null for an API-only host. */
  rendererDir: string | null;
  /** Web host port; default 0 (any free port). */
  webPort?: number;
  /** One line per supervision event (console and log). */
  log(line: string): void;
  /** Crash-loop rule of the core and of the embedded platform. Default 5 in 10 minutes. */
  crashLoop?: CrashLoopOptions;
  /** See `SupervisorOptions.outOfServiceRetryMs`. */
  outOfServiceRetryMs?: number | null;
  /** Sync engine and probe tuning passed to the core (tests shorten them). */
  syncPollIntervalMs?: number;
  probeIntervalMs?: number;
  /** Where the embedded platform keeps its data; default `<dataDir>/platform-sim`. */
  platformDataDir?: string;
  /**
   * With the embedded platform: it requires signed requests and issues a
   * one-time enrolment code at every start, with which the core enrols
   * itself when it holds no enrolment (signing on by default in
   * development). False: no code, so a fresh terminal stays 暂未开通服务
   * (the test of an unenrolled terminal). Default true; ignored when a
   * platform is configured.
   */
  autoEnrol?: boolean;
  /** Called when the embedded platform has started (first time and after each restart). */
  onPlatformStarted?(platform: EmbeddedPlatform): void;
  /** Also accept a harness token for callers in Node (see `WebHostOptions.harness`); default false. */
  harness?: boolean;
  /**
   * The core child's entry: a module path run with `execArgv`. Default the
   * TypeScript source (browser-core-child.ts) under tsx; the crash bench
   * passes the esbuild bundle (dist/electron/dev-core.cjs, no loader), which
   * starts as a packaged shell's core does.
   */
  coreEntry?: { path: string; execArgv: string[] };
}

/** Browser mode running: the web host in this process, the core and the platform in their own, each supervised. */
export interface BrowserKiosk {
  /** The web host; its `token` is set only when started with `harness`. */
  host: WebHost & { token?: string };
  core: SupervisedCore;
  /** The embedded platform's supervisor, or null when a platform is configured. */
  platform: Supervisor | null;
  /** The idle rule (nightly restart; the same gate would hold back an update). */
  idle: IdleGate;
  /** Stops the host, the core and the platform, in that order. */
  close(): Promise<void>;
}

/**
 * Browser mode as a set of supervised processes: the embedded platform-sim
 * (when no platform is configured) under its own {@link Supervisor}, on the
 * same port after every restart; the kiosk core in a Node child under
 * {@link startSupervisedCore}; and the loopback web host in this process,
 * carrying the contract to the page through the core's stand-in, so a core
 * crash never takes the page's host down. Simulator controls are served by
 * the core child and routed to it. The core is restarted every night
 * when idle ({@link scheduleNightlyRestart}, `config.nightlyRestart`). Rejects with the first start-up failure,
 * after releasing what had started.
 */
export async function startBrowserKiosk(options: BrowserKioskOptions): Promise<BrowserKiosk> {
  const config = { ...options.config };
  let platform: Supervisor | null = null;
  let core: SupervisedCore | null = null;
  let enrolmentCode: string | null = null;
  try {
    if (!config.platformUrl) {
      let port = 0;
      const autoEnrol = options.autoEnrol ?? true;
      const dataDir = options.platformDataDir ?? join(config.dataDir, 'platform-sim');
      platform = new Supervisor({
        ...options.crashLoop,
        label: { zh: '内置模拟平台', en: 'embedded platform' },
        log: options.log,
        outOfServiceRetryMs: options.outOfServiceRetryMs ?? null,
        start: async () => {
          const started = await startEmbeddedPlatform({ dataDir, port, requireSignedRequests: true, ...(autoEnrol ? { issueEnrolmentCode: DEV_ENROLMENT_SITE } : {}) });
          port = started.port;
          enrolmentCode = started.enrolmentCode;
          options.onPlatformStarted?.(started);
          return platformRun(started);
        },
      });
      await platform.start();
      config.platformUrl = `http://127.0.0.1:${port}`;
    }
    const init = {
      config: config as unknown as Record<string, unknown>,
      ...(options.syncPollIntervalMs ? { syncPollIntervalMs: options.syncPollIntervalMs } : {}),
      ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
    };
    const platformSupervisor = platform;
    core = await startSupervisedCore({
      ...options.crashLoop,
      factory: () => (options.coreEntry ? forkNodeCore(options.coreEntry.path, { execArgv: options.coreEntry.execArgv }) : forkNodeCore(CORE_ENTRY)),
      init: () => ({ ...init, alerts: platformSupervisor?.alerts() ?? [], ...(enrolmentCode ? { enrolmentCode } : {}) }),
      log: options.log,
      ...(options.outOfServiceRetryMs !== undefined ? { outOfServiceRetryMs: options.outOfServiceRetryMs } : {}),
    });
    const running = core;
    const host = await startWebHost({
      dispatcher: running.remote,
      events: running.remote.events,
      staticDir: options.rendererDir,
      port: options.webPort ?? 0,
      routes: running.routes.map((r) => ({ method: r.method, path: r.path, handler: (body: unknown) => running.remote.route(r.method, r.path, body) })),
      harness: options.harness ?? false,
    });
    const activity = watchKioskActivity(running.remote);
    const { hour, forceHour, timeZone } = config.nightlyRestart;
    const stopNightly = scheduleNightlyRestart({
      hour,
      forceHour,
      timeZone,
      isIdle: () => activity.gate.isIdle(),
      restart: (why) => running.supervisor.restart(why === 'idle' ? 'nightly, idle' : 'nightly, forced'),
    });
    return {
      host,
      core: running,
      platform,
      idle: activity.gate,
      async close() {
        stopNightly();
        activity.stop();
        await host.close();
        await running.close();
        await platformSupervisor?.stop();
      },
    };
  } catch (e) {
    await core?.close().catch(() => undefined);
    await platform?.stop().catch(() => undefined);
    throw e;
  }
}

/** The embedded platform as a supervised run: its exit, and its orderly stop. */
function platformRun(platform: EmbeddedPlatform): SupervisedRun {
  const child = platform.process;
  const exited = new Promise<ExitInfo>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { pid: child.pid, exited, stop: () => platform.stop() };
}
