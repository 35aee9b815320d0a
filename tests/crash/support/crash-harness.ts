import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openKioskStore, readOrCreateDeviceId } from '../../../offline-cache/index';
import { ROOT } from '../../sync/support/platform-process';

/** kioskctl entry run by the children (the real CLI). */
const ENTRY = join(ROOT, 'main/cli/main.ts');

/** Options of {@link runCrashTrials}. */
export interface CrashOptions {
  /** Total SIGKILL trials across workers. */
  trials: number;
  /** Parallel workers, each with its own data dir (device). */
  workers: number;
  platformUrl: string;
  serviceCode: string;
  /** Root for the workers' data dirs. */
  root: string;
  /** Items submitted in-process per worker before the trials, so sync kills land mid-batch. */
  seedPerWorker?: number;
  /** Initial bound (ms) of the random kill delay; it then adapts to the observed run times. Default 3 000. */
  initialKillDelayMs?: number;
  random?: () => number;
}

/** What the trials did. */
export interface CrashReport {
  /** Every id reported as submitted (printed by `tx submit`, or returned in-process for the seed). */
  submitted: Set<string>;
  trials: number;
  /** Children that were still running when SIGKILL arrived. */
  killedWhileRunning: number;
  /** Submit children killed before printing an id. */
  submitsKilledBeforePrint: number;
  /** Data dirs used (one per worker). */
  dataDirs: string[];
}

interface ChildResult {
  stdout: string;
  killed: boolean;
  code: number | null;
  /** Wall time from spawn to exit. */
  ms: number;
}

function runChild(args: string[], killAfterMs: number): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    let killed = false;
    const started = Date.now();
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, killed, code, ms: Date.now() - started });
    });
  });
}

const ID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Runs `trials` child processes — `kioskctl tx submit`, `kioskctl sync now`,
 * or both at once on the same data dir — each SIGKILLed after a random delay.
 * Returns every id a submit printed (the promise to the person: "submitted").
 */
export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const random = options.random ?? Math.random;
  const report: CrashReport = { submitted: new Set(), trials: 0, killedWhileRunning: 0, submitsKilledBeforePrint: 0, dataDirs: [] };
  // Kill delays are uniform over [0, bound]. Each action's bound adapts (×1.1 after a kill,
  // ×0.9 after a natural exit) so about half the children are killed mid-run and half finish,
  // whatever the machine's load: kills land anywhere from start-up to the last write.
  const bounds: Record<'submit' | 'sync', number> = { submit: options.initialKillDelayMs ?? 3000, sync: options.initialKillDelayMs ?? 3000 };
  const bound = (k: 'submit' | 'sync') => bounds[k];
  const note = (k: 'submit' | 'sync', r: ChildResult) => {
    bounds[k] = Math.min(30_000, Math.max(200, bounds[k] * (r.killed ? 1.1 : 0.9)));
  };
  let next = 0;
  const worker = async (w: number) => {
    const dataDir = join(options.root, `device-${w}`);
    mkdirSync(dataDir, { recursive: true });
    report.dataDirs.push(dataDir);
    const seed = openKioskStore({ dataDir, deviceId: readOrCreateDeviceId(dataDir) });
    for (let i = 0; i < (options.seedPerWorker ?? 0); i++) report.submitted.add(seed.submitTransaction({ service: options.serviceCode, data: { seed: String(i) } }).id);
    seed.close();
    const submit = async () => {
      const r = await runChild(['tx', 'submit', '--data-dir', dataDir, '--service', options.serviceCode, '--data', JSON.stringify({ trial: String(next) })], random() * bound('submit'));
      note('submit', r);
      return r;
    };
    const sync = async () => {
      const r = await runChild(['sync', 'now', '--data-dir', dataDir, '--platform', options.platformUrl, '--batch-size', String(1 + Math.floor(random() * 20)), '--timeout-ms', '3000'], random() * bound('sync'));
      note('sync', r);
      return r;
    };
    const record = (r: ChildResult, isSubmit: boolean) => {
      report.trials++;
      if (r.killed) report.killedWhileRunning++;
      if (!isSubmit) return;
      const line = r.stdout.split('\n')[0]!.trim();
      if (ID_LINE.test(line) && r.stdout.endsWith('\n')) report.submitted.add(line);
      else if (r.killed) report.submitsKilledBeforePrint++;
    };
    while (next < options.trials) {
      next++;
      const roll = random();
      if (roll < 0.4) record(await submit(), true);
      else if (roll < 0.8) record(await sync(), false);
      else {
        next++;
        const [a, b] = await Promise.all([submit(), sync()]);
        record(a, true);
        record(b, false);
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return report;
}

/** Runs `kioskctl sync now` (no kill) until it exits 0, up to `attempts` times. Returns the last exit code. */
export async function drain(dataDir: string, platformUrl: string, attempts = 5): Promise<number | null> {
  let code: number | null = null;
  for (let i = 0; i < attempts; i++) {
    code = (await runChild(['sync', 'now', '--data-dir', dataDir, '--platform', platformUrl], 120_000)).code;
    if (code === 0) return 0;
  }
  return code;
}
