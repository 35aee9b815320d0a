import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import type { PlatformTransaction } from '../core/support/core-harness';
import { tempDir } from '../core/support/temp-dir';
import { waitUntil } from '../core/support/wait-until';
import { finished, runKioskctl, spawnKioskctl, type KioskctlRun } from './support/kioskctl-process';

/** Resolves with the first stdout line matching `pattern`; rejects when the child exits first. */
function firstLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = pattern.exec(line);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`kioskctl exited with ${code} before printing ${pattern}`)));
  });
}

/**
 * `kioskctl serve` runs the core headless; a second process (`kioskctl tx
 * submit`) writes to the same data dir, and the served core's sync loop
 * delivers it. SIGTERM stops serve cleanly.
 */
describe('kioskctl serve + tx submit on one data dir', () => {
  const kiosk = tempDir('kioskctl-serve-');
  const platformDir = tempDir('kioskctl-platform-');
  let platform: PlatformSim;
  let serve: ChildProcess;
  let serveDone: Promise<KioskctlRun>;
  let deviceId: string;
  let txId: string;

  beforeAll(async () => {
    platform = await startPlatformSim({ port: 0, dataDir: platformDir.dir, quiet: true });
  });
  afterAll(async () => {
    if (serve && serve.exitCode === null && serve.signalCode === null) serve.kill('SIGKILL');
    await platform?.close();
    kiosk.cleanup();
    platformDir.cleanup();
  });

  it('serve prints "serving <deviceId>" once the core is up', async () => {
    serve = spawnKioskctl(['serve', '--data-dir', kiosk.dir, '--platform', platform.url]);
    const ready = firstLine(serve, /^serving (\S+)$/);
    serveDone = finished(serve);
    deviceId = (await ready)[1]!;
    expect(deviceId.length).toBeGreaterThan(0);
  });

  it('tx submit in another process prints the id of the durably written transaction', async () => {
    const run = await runKioskctl(['tx', 'submit', '--data-dir', kiosk.dir, '--service', 'GG00002001', '--data', JSON.stringify({ phone: '13800138000' })]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    txId = run.stdout.trim();
    expect(txId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("the served core's sync loop delivers it to the platform exactly once, under the served device id", async () => {
    const rows = async () => ((await (await fetch(`${platform.url}/admin/transactions`)).json()) as PlatformTransaction[]).filter((t) => t.id === txId);
    await waitUntil(async () => (await rows()).length > 0, 'the transaction on the platform');
    const found = await rows();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ deviceId, service: 'GG00002001' });
  });

  it('SIGTERM stops serve with exit status 0', async () => {
    serve.kill('SIGTERM');
    const run = await serveDone;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
  });

  it('afterwards queue status --json shows the item accepted and nothing pending', async () => {
    const run = await runKioskctl(['queue', 'status', '--data-dir', kiosk.dir, '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as Record<string, number>;
    expect(status.pending).toBe(0);
    expect(status.inFlight).toBe(0);
    expect(status.accepted).toBeGreaterThanOrEqual(1);
  });

  it('serve without --platform exits 2 with its usage', async () => {
    const run = await runKioskctl(['serve', '--data-dir', kiosk.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--platform is required');
  });
});
