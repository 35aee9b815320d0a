import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A platform-sim process started by the launcher. */
export interface EmbeddedPlatform {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts the reference platform (platform-sim) as its own process on
 * loopback — the kiosk meets it over HTTP only, as it would the real
 * platform. Resolves once it prints its URL; rejects after `timeoutMs`
 * (default 30 s) or when it exits first. Request logging is off unless
 * `quiet` is false.
 */
export function startEmbeddedPlatform(options: { dataDir: string; port?: number; timeoutMs?: number; quiet?: boolean }): Promise<EmbeddedPlatform> {
  const args = ['--import', 'tsx', 'platform-sim/cli.ts', '--port', String(options.port ?? 0), '--data-dir', options.dataDir];
  if (options.quiet ?? true) args.push('--quiet');
  // Under Electron, process.execPath is the Electron binary: make it behave as plain Node.
  const env = process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('platform-sim did not start in time'));
    }, options.timeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform-sim exited with ${code} before it was ready`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = m[1]!.replace(/\/+$/, '');
      resolve({
        url,
        port: Number(new URL(url).port),
        process: child,
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
