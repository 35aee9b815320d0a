import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process group started by {@link startUntilLine}. */
export interface ReadyProcess {
  /** The match of `readyLine` on the line that made it ready. */
  match: RegExpExecArray;
  /** Spawn → ready line, in ms. */
  wallMs: number;
  /** SIGTERM to the whole group (npx, tsx and their children), SIGKILL after 8 s; resolves once the child has exited. Never throws. */
  stop(): Promise<void>;
}

/**
 * Spawns `command args` in a process group of its own (cwd `cwd`, `env`) and
 * resolves once a line of its stdout matches `readyLine`. Rejects (after
 * stopping the group) when it exits first or is not ready within `timeoutMs`
 * (default 120 s), with the end of its stderr.
 */
export async function startUntilLine(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; readyLine: RegExp; timeoutMs?: number }): Promise<ReadyProcess> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    if (child.exitCode === null && child.signalCode === null) kill('SIGTERM');
    const killer = setTimeout(() => kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} not ready after ${options.timeoutMs ?? 120_000} ms: ${stderr.slice(-500)}`)), options.timeoutMs ?? 120_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${command} exited with ${code}: ${stderr.slice(-500)}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = options.readyLine.exec(line);
        if (!m) return;
        clearTimeout(timer);
        resolve(m);
      });
    });
    return { match, wallMs: performance.now() - t0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
