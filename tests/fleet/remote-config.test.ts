import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../main/core/create-kiosk-core';
import { REMOTE_CONFIG_KEY } from '../../main/core/fleet/fleet-controller';
import { tempDir } from '../core/support/temp-dir';
import { waitUntil } from '../core/support/wait-until';
import type { SimFixture } from '../platform-sim/sim-fixture';
import { auditRows, call, fleetPlatform, goodSettings, info, startFleetCore } from './fleet-fixture';

// Remote configuration over real HTTP, platform-sim requiring signed requests: one terminal
// through its life — applied between sessions (never mid-session), each refusal audited with the
// last good one kept, and kept across a restart.
let sim: SimFixture;
let core: KioskCore | null = null;
const kiosk = tempDir('kiosk-fleet-config-');

beforeAll(async () => {
  sim = await fleetPlatform();
  core = await startFleetCore(sim, kiosk.dir);
});
afterAll(async () => {
  await core?.close();
  await sim.dispose();
  kiosk.cleanup();
});

const refusals = () => auditRows(kiosk.dir).filter((r) => r.action === 'fleet.config-refused');
async function setConfig(body: Record<string, unknown>): Promise<number> {
  const r = await sim.call('POST', '/admin/fleet/config', { terminal: core!.deviceId, ...body });
  expect(r.status).toBe(200);
  return r.body.version as number;
}

describe('remote configuration (signed, versioned, applied between sessions)', () => {
  it('a signed configuration waits while a person is at the screen and is applied once the terminal is idle', async () => {
    expect((await info(core!)).fleet).toBeUndefined();
    // A person keeps touching the screen: the configuration arrives but is not applied.
    let touching = true;
    const toucher = (async () => {
      while (touching) {
        await call(core!, 'system:touched', { screen: 'catalogue' });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const version = await setConfig({ settings: goodSettings(), version: 10 });
    await waitUntil(() => auditRows(kiosk.dir).some((r) => r.action === 'fleet.config-received' && r.detail.version === version), 'configuration received');
    await new Promise((r) => setTimeout(r, 500));
    expect((await info(core!)).fleet).toBeUndefined();
    expect(auditRows(kiosk.dir).some((r) => r.action === 'fleet.config-applied')).toBe(false);
    touching = false;
    await toucher;
    await waitUntil(async () => (await info(core!)).fleet?.configVersion === version, 'configuration applied');
    const now = await info(core!);
    expect(now).toMatchObject({ idleTimeoutSeconds: 90, countdownSeconds: 20, theme: { partner: '中国银行', primaryColor: '#1a5fb4' } });
    expect(now.fleet).toMatchObject({ languages: ['zh-CN', 'en', 'ug'], voice: false, services: ['GG00001001', 'QR00014002'], maintenanceWindow: { start: '01:00', end: '04:00' } });
    expect(core!.store.config.get(REMOTE_CONFIG_KEY)).toMatchObject({ version });
    expect(auditRows(kiosk.dir).filter((r) => r.action === 'fleet.config-applied').map((r) => r.detail.version)).toEqual([version]);
  });

  async function expectRefused(body: Record<string, unknown>, reason: string): Promise<void> {
    const before = (await info(core!)).fleet?.configVersion;
    const count = refusals().length;
    const version = await setConfig(body);
    await waitUntil(() => refusals().length > count, `configuration ${version} refused`);
    expect(refusals().at(-1)!.detail).toMatchObject({ reason });
    await new Promise((r) => setTimeout(r, 400));
    expect((await info(core!)).fleet?.configVersion).toBe(before);
    expect((core!.store.config.get(REMOTE_CONFIG_KEY) as { version: number }).version).toBe(before);
  }

  it('an unsigned configuration is refused (signature-missing), audited, and the last good one kept', async () => {
    await expectRefused({ settings: goodSettings({ idleTimeoutSeconds: 120 }), mode: 'unsigned' }, 'signature-missing');
  });

  it('a configuration signed by another key is refused (signature-invalid)', async () => {
    const good = (await sim.call('GET', `/admin/fleet/configs`)).body as Array<{ scope: string }>;
    expect(good.length).toBeGreaterThan(0);
    // A document whose signature part belongs to another payload.
    const other = `KC1.${Buffer.from(JSON.stringify({ v: 1, alg: 'ed25519', deviceId: core!.deviceId, version: 999, issuedAt: new Date().toISOString(), settings: goodSettings() })).toString('base64url')}.${Buffer.alloc(64, 7).toString('base64url')}`;
    await expectRefused({ mode: 'raw', document: other }, 'signature-invalid');
  });

  it('a signed configuration that breaks the strict schema is refused (invalid)', async () => {
    await expectRefused({ settings: goodSettings({ idleTimeoutSeconds: 5 }), unchecked: true }, 'invalid');
    await expectRefused({ settings: { ...goodSettings(), extra: true }, unchecked: true }, 'invalid');
    await expectRefused({ settings: goodSettings({ languages: ['en'] }), unchecked: true }, 'invalid');
  });

  it('an older (or replayed) version is refused (version-not-newer)', async () => {
    const applied = (await info(core!)).fleet!.configVersion;
    expect(applied).toBe(10);
    await expectRefused({ settings: goodSettings({ voice: true }), version: applied - 1 }, 'version-not-newer');
    await expectRefused({ settings: goodSettings({ voice: true }), version: applied }, 'version-not-newer');
  });

  it('a newer signed configuration replaces it; the last good one survives a restart', async () => {
    const version = await setConfig({ settings: goodSettings({ voice: true, languages: ['zh-CN', 'zh-TW', 'en', 'ug'] }) });
    await waitUntil(async () => (await info(core!)).fleet?.configVersion === version, 'newer configuration applied');
    await core!.close();
    core = await startFleetCore(sim, kiosk.dir, { enrol: false });
    const after = await info(core);
    expect(after.fleet).toMatchObject({ configVersion: version, voice: true, languages: ['zh-CN', 'zh-TW', 'en', 'ug'] });
  });
});
