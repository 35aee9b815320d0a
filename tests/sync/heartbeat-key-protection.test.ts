import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { createPlatformClient, createUplink, sendHeartbeat } from '../../uplink/index';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { tempDir } from './support/temp-dir';

type TestPlatform = PlatformSim;

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(deviceId: string): Promise<{ store: KioskStore; platform: TestPlatform }> {
  const t = tempDir();
  const platform = await startPlatformSim({ dataDir: `${t.dir}/platform`, quiet: true });
  const store = openKioskStore({ dataDir: `${t.dir}/kiosk`, deviceId });
  cleanups.push(t.cleanup, () => platform.close(), () => store.close());
  return { store, platform };
}

const received = async (platform: TestPlatform): Promise<Array<Record<string, unknown>>> => (await (await fetch(`${platform.url}/admin/heartbeats`)).json()) as Array<Record<string, unknown>>;

describe('keyProtection in the heartbeat (platform-sim over HTTP)', () => {
  it('is sent when given and kept by the platform; a kiosk that sends none is still accepted', async () => {
    const { store, platform } = await setup('kiosk-keys-1');
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    expect(await sendHeartbeat({ store, client, version: '0.1.0', keyProtection: 'basic_text-accepted' })).toEqual({ pinnedVersion: null });
    expect(await sendHeartbeat({ store, client, version: '0.1.0' })).toEqual({ pinnedVersion: null });
    const [first, second] = await received(platform);
    expect(first).toMatchObject({ deviceId: 'kiosk-keys-1', keyProtection: 'basic_text-accepted' });
    expect(second).not.toHaveProperty('keyProtection');
  });

  it('the uplink reports the protection it was created with in every heartbeat', async () => {
    const { store, platform } = await setup('kiosk-keys-2');
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    const acked = new Promise<void>((resolve) => {
      const uplink = createUplink({ store, client, version: '0.1.0', keyProtection: 'tpm2', heartbeatAtStart: true, onHeartbeat: () => resolve() });
      cleanups.push(() => uplink.stop());
      void uplink.start();
    });
    await acked;
    expect((await received(platform))[0]).toMatchObject({ deviceId: 'kiosk-keys-2', keyProtection: 'tpm2' });
  });

  it('the platform refuses a value that is not a key protection (400)', async () => {
    const { platform } = await setup('kiosk-keys-3');
    const body = { deviceId: 'kiosk-keys-3', version: '0.1.0', sentAt: new Date().toISOString(), queue: { pending: 0, needsAttention: 0, oldestPendingAgeSeconds: null }, devices: [], alerts: [], keyProtection: 'plaintext' };
    const r = await fetch(`${platform.url}/api/v1/heartbeats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(await received(platform)).toEqual([]);
  });
});
