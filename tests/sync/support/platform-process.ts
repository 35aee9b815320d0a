import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A platform running as a child process. */
export interface PlatformProcess {
  url: string;
  port: number;
  /** Which implementation runs: platform-sim when present, else the test platform. */
  implementation: 'platform-sim' | 'test-platform';
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

/** A free loopback port (bound then released). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/**
 * Starts the platform in its own process on `port` (default: a free one)
 * with state in `dataDir`, and waits until `GET /api/v1/time` answers.
 * Uses platform-sim (`platform-sim/cli.ts`) when it exists and
 * `KIOSK_TEST_PLATFORM` is not `test`; otherwise the test platform.
 */
export async function startPlatformProcess(dataDir: string, port?: number): Promise<PlatformProcess> {
  const p = port ?? (await freePort());
  const simCli = join(ROOT, 'platform-sim/cli.ts');
  const useSim = existsSync(simCli) && process.env.KIOSK_TEST_PLATFORM !== 'test';
  const script = useSim ? simCli : join(ROOT, 'tests/sync/support/test-platform-cli.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, '--port', String(p), '--data-dir', dataDir, ...(useSim ? ['--quiet'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/api/v1/time`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('platform did not start within 20 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port: p,
    implementation: useSim ? 'platform-sim' : 'test-platform',
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `GET /admin/transactions`. */
export async function adminTransactions(url: string): Promise<Array<{ id: string; deviceId: string; seq: number; service: string; receivedCount: number }>> {
  const r = await fetch(`${url}/admin/transactions`);
  if (!r.ok) throw new Error(`admin/transactions: HTTP ${r.status}`);
  return (await r.json()) as Array<{ id: string; deviceId: string; seq: number; service: string; receivedCount: number }>;
}

/** `POST /admin/faults`. */
export async function setFaults(url: string, faults: { latencyMs?: number; errorRate?: number; dropRate?: number; down?: boolean }): Promise<void> {
  const r = await fetch(`${url}/admin/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  if (!r.ok) throw new Error(`admin/faults: HTTP ${r.status}`);
}

/** A valid service code: the first item of the platform's catalogue. */
export async function firstServiceCode(url: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/catalogue`);
  const body = (await r.json()) as { items: Array<{ code: string }> };
  const code = body.items[0]?.code;
  if (!code) throw new Error('platform catalogue is empty');
  return code;
}

/** Checks "every id on the platform exactly once": returns missing ids and ids with more than one record. */
export function exactlyOnce(expected: Iterable<string>, records: Array<{ id: string }>): { missing: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  const missing: string[] = [];
  for (const id of expected) if (!counts.has(id)) missing.push(id);
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  return { missing, duplicated };
}
