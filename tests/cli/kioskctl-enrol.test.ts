import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/support/temp-dir';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from '../trust/trust-fixture';
import { runKioskctl } from './support/kioskctl-process';

describe('kioskctl enrol against platform-sim (spawned, real HTTP)', () => {
  let f: SimFixture;
  const t = tempDir('kioskctl-enrol-');
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(async () => {
    await f.dispose();
    t.cleanup();
  });

  it('enrols a fresh terminal, stores what the platform answered, and refuses the spent code', async () => {
    const code = await issueCode(f.sim.url, 'site-42');
    const dir = join(t.dir, 'kiosk');
    const run = await runKioskctl(['enrol', '--data-dir', dir, '--platform', f.sim.url, '--code', code, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { deviceId: string; siteId: string; algorithm: string };
    expect(out).toMatchObject({ siteId: 'site-42', algorithm: 'ed25519' });
    const stored = JSON.parse(readFileSync(join(dir, 'enrolment.json'), 'utf8')) as { deviceId: string; platformUrl: string };
    expect(stored).toMatchObject({ deviceId: out.deviceId, platformUrl: f.sim.url });
    const devices = (await f.call('GET', '/admin/devices')).body as Array<{ deviceId: string; siteId: string }>;
    expect(devices).toContainEqual(expect.objectContaining({ deviceId: out.deviceId, siteId: 'site-42' }));
    const again = await runKioskctl(['enrol', '--data-dir', dir, '--platform', f.sim.url, '--code', code]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('enrolment failed: enrolment-code-used');
  });
});
