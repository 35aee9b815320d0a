import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Absolute path of the `kioskctl` entry point (`bin/kioskctl.mjs`). */
export const KIOSKCTL = fileURLToPath(new URL('../../../bin/kioskctl.mjs', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Environment for a child kioskctl: the parent's, without any KIOSK_* setting that would change its configuration. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('KIOSK_')) env[k] = v;
  return { ...env, ...extra };
}

/** Outcome of one finished kioskctl run. */
export interface KioskctlRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `node bin/kioskctl.mjs ...args` as a child process (cwd defaults to the project root). */
export function spawnKioskctl(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [KIOSKCTL, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<KioskctlRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs kioskctl to completion. */
export function runKioskctl(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<KioskctlRun> {
  return finished(spawnKioskctl(args, options));
}
