import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { StartupError } from '../core/startup-error';

/** A platform-sim process started by the launcher. */
export interface EmbeddedPlatform {
  url: string;
  port: number;
  process: ChildProcess;
  /** The one-time enrolment code issued at this start (when asked with `issueEnrolmentCode`), else null. */
  enrolmentCode: string | null;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

/** Site of the terminal the embedded platform enrols in development and demos. */
export const DEV_ENROLMENT_SITE = 'dev-site';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts the reference platform (platform-sim) as its own process on
 * loopback — the kiosk meets it over HTTP only, as it would the real
 * platform. Resolves once it prints its URL; rejects with a StartupError
 * saying why (its last stderr line) and what to do after `timeoutMs`
 * (default 30 s) or when it exits first. Request logging is off unless
 * `quiet` is false.
 *
 * Trust in development (docs/operations.md): `requireSignedRequests` makes
 * the platform refuse unsigned requests, and `issueEnrolmentCode` (a site
 * id) has it issue one one-time enrolment code at every start, returned as
 * `enrolmentCode`, with which the launcher's core enrols itself the first
 * time. Both default off (the test harnesses that talk unsigned).
 */
export function startEmbeddedPlatform(options: {
  dataDir: string;
  port?: number;
  timeoutMs?: number;
  quiet?: boolean;
  requireSignedRequests?: boolean;
  issueEnrolmentCode?: string;
}): Promise<EmbeddedPlatform> {
  const args = ['--import', 'tsx', 'platform-sim/cli.ts', '--port', String(options.port ?? 0), '--data-dir', options.dataDir];
  if (options.quiet ?? true) args.push('--quiet');
  // It stops by itself when this process is gone, even killed with SIGKILL (no orphan platform).
  args.push('--parent-pid', String(process.pid));
  if (options.requireSignedRequests) args.push('--require-signed-requests');
  if (options.issueEnrolmentCode) args.push('--issue-enrolment-code', options.issueEnrolmentCode);
  let enrolmentCode: string | null = null;
  // Under Electron, process.execPath is the Electron binary: make it behave as plain Node.
  const env = process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Until it is ready its stderr is kept to say why it failed; afterwards it is passed through.
  let lastError = '';
  let ready = false;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (ready) process.stderr.write(`${line}\n`);
    else if (line.trim()) lastError = line.replace(/^platform-sim:\s*/, '').trim();
  });
  const failed = (why: string) =>
    new StartupError(
      `内置模拟平台未能启动（${why}）：请检查数据目录下的 platform-sim 是否可写，或在配置中写 platformUrl 连接真实平台`,
      `the embedded platform-sim did not start (${why}): check that platform-sim in the data directory is writable, or set platformUrl to use a real platform`,
    );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(failed(`timeout ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`));
    }, options.timeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Let the last stderr line arrive before saying why.
      setImmediate(() => reject(failed(lastError || `exit ${code}`)));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const code = /enrolment code ([A-Z0-9]{4,32}) for site/.exec(line);
      if (code) enrolmentCode = code[1]!;
      const m = /listening on (http:\/\/[^\s]+)/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      ready = true;
      child.removeAllListeners('exit');
      const url = m[1]!.replace(/\/+$/, '');
      resolve({
        url,
        port: Number(new URL(url).port),
        process: child,
        enrolmentCode,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
