// Browser mode's kiosk window (development, demo and test only): Chromium
// under the same supervisor rule as the core, killed with its launcher.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExitInfo } from '../supervisor/core-process';
import type { CrashLoopOptions } from '../supervisor/crash-loop';
import { Supervisor, type SupervisedRun } from '../supervisor/supervisor';
import { chromiumCommand, kioskChromiumArgs, probePolicyMechanism, writePolicyRoot, type PolicyMechanism } from './chromium-kiosk';

/** Options of {@link startKioskChromium}. */
export interface KioskChromiumOptions {
  /** The Chromium executable (`/usr/bin/chromium`). */
  chromium: string;
  /** The page to open, asked again for every launch ({@link kioskLaunchUrl}: a launch code works once). */
  url: () => string;
  /** One line per event (start, relaunch, out of service). */
  log(line: string): void;
  /** Relaunch rule; default the core's (5 in 10 minutes, 250 ms doubling to 30 s). */
  crashLoop?: CrashLoopOptions;
  /** See `SupervisorOptions.outOfServiceRetryMs`; default 10 minutes. */
  outOfServiceRetryMs?: number | null;
  /** Environment of Chromium (`DISPLAY`); default this process's. */
  env?: NodeJS.ProcessEnv;
}

/** The supervised kiosk window. */
export interface KioskChromium {
  readonly supervisor: Supervisor;
  /** How the managed policy reached Chromium (`none`: flags only). */
  readonly policy: PolicyMechanism;
  /** Chromium's profile directory (removed by `stop`). */
  readonly profileDir: string;
  /** Stops Chromium for good and removes its profile and policy copy. */
  stop(): Promise<void>;
}

/**
 * Opens the kiosk page in Chromium (`--kiosk --app`, a fresh profile, the
 * kiosk's managed policy: `chromium-kiosk.ts`) and keeps it open: a Chromium
 * that exits for any reason (a closed window, a crash, a kill) is started
 * again by a {@link Supervisor} with the crash-loop rule, and after too
 * many exits in the window the kiosk stays down with an alert and retries
 * later. Chromium never outlives this process (`setpriv --pdeathsig` on
 * Linux). Rejects when the first start fails (executable missing).
 */
export async function startKioskChromium(options: KioskChromiumOptions): Promise<KioskChromium> {
  const workDir = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  const profileDir = join(workDir, 'profile');
  let nextUrl: string | null = options.url();
  const policyRoot = writePolicyRoot(workDir, new URL(nextUrl).origin);
  const policy = probePolicyMechanism();
  if (policy === 'none') options.log('浏览器策略未能按次加载，只用启动参数锁定 / the managed policy could not be applied per launch (no mount namespace): flags only');
  const commandFor = (url: string) => chromiumCommand(options.chromium, kioskChromiumArgs(url, profileDir, { root: process.getuid?.() === 0 }), policyRoot, policy);
  const supervisor = new Supervisor({
    ...options.crashLoop,
    label: { zh: '自助终端窗口', en: 'kiosk window' },
    log: options.log,
    outOfServiceRetryMs: options.outOfServiceRetryMs === undefined ? 10 * 60_000 : options.outOfServiceRetryMs,
    start: () => {
      const url = nextUrl ?? options.url();
      nextUrl = null;
      const { command, args } = commandFor(url);
      return launch(command, args, options.env ?? process.env);
    },
  });
  await supervisor.start();
  return {
    supervisor,
    policy,
    profileDir,
    async stop() {
      await supervisor.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** One Chromium process as a supervised run: running once spawned, stopped by SIGTERM then SIGKILL after 3 s. */
function launch(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<SupervisedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    const exited = new Promise<ExitInfo>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        pid: child.pid,
        exited,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.kill('SIGTERM');
          await exited;
          clearTimeout(kill);
        },
      }),
    );
  });
}
