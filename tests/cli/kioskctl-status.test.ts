import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/core/config';
import { createKioskCore } from '../../main/core/create-kiosk-core';
import { tempDir } from '../core/support/temp-dir';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from '../trust/trust-fixture';
import { runKioskctl } from './support/kioskctl-process';

type Status = { enrolled: boolean; deviceId: string; siteId: string | null; refused: string | null; code: string | null; keyStorage: string | null };

describe('kioskctl status: why the platform does not serve this terminal (platform-sim requiring signed requests)', () => {
  let f: SimFixture;
  const t = tempDir('kioskctl-status-');
  const dir = join(t.dir, 'kiosk');
  beforeAll(async () => {
    f = await startFixture({ requireSignedRequests: true });
  });
  afterAll(async () => {
    await f.dispose();
    t.cleanup();
  });

  /** Runs the core once against the platform (start-up does a catalogue refresh and a sync pass), then stops it. */
  async function runCoreOnce(): Promise<void> {
    const core = await createKioskCore(loadConfig({ dataDir: dir, platformUrl: f.sim.url }, {}), { syncPollIntervalMs: 200, probeIntervalMs: 100 });
    await core.close();
  }

  it('not enrolled: exit 3, not-enrolled (signature-missing), and the text says 暂未开通服务 and how to enrol', async () => {
    await runCoreOnce();
    const json = await runKioskctl(['status', '--data-dir', dir, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout) as Status).toMatchObject({ enrolled: false, siteId: null, refused: 'not-enrolled', code: 'signature-missing', keyStorage: 'key-file' });
    const text = await runKioskctl(['status', '--data-dir', dir]);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('暂未开通服务');
    expect(text.stdout).toContain('kioskctl enrol');
  });

  it('enrolled with kioskctl enrol, then revoked: exit 0 served, then exit 3 revoked (device-revoked)', async () => {
    const enrol = await runKioskctl(['enrol', '--data-dir', dir, '--platform', f.sim.url, '--code', await issueCode(f.sim.url, 'site-7'), '--json']);
    expect(enrol.code).toBe(0);
    const { deviceId } = JSON.parse(enrol.stdout) as { deviceId: string };
    await runCoreOnce();
    const served = await runKioskctl(['status', '--data-dir', dir, '--json']);
    expect(served.code).toBe(0);
    expect(JSON.parse(served.stdout) as Status).toMatchObject({ enrolled: true, deviceId, siteId: 'site-7', refused: null });
    expect((await f.call('POST', `/admin/devices/${deviceId}/revoke`, {})).status).toBe(200);
    await runCoreOnce();
    const revoked = await runKioskctl(['status', '--data-dir', dir, '--json']);
    expect(revoked.code).toBe(3);
    expect(JSON.parse(revoked.stdout) as Status).toMatchObject({ enrolled: true, deviceId, refused: 'revoked', code: 'device-revoked' });
  });
});
