import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskStore } from '../../offline-cache/index';
import { createPlatformClient, createSyncEngine, refreshCatalogue, sendHeartbeat } from '../../uplink/index';
import { startPlatformProcess, type PlatformProcess } from './support/platform-process';
import { tempDir } from './support/temp-dir';

let platform: PlatformProcess;
const t = tempDir();
beforeAll(async () => {
  platform = await startPlatformProcess(`${t.dir}/platform`);
});
afterAll(async () => {
  await platform?.kill();
  t.cleanup();
});

describe('catalogue refresh against platform-sim (uses its /admin/catalogue/bump)', () => {
  it('caches the full catalogue, then applies a delta since the cached version', async () => {
    const store = openKioskStore({ dataDir: `${t.dir}/kiosk`, deviceId: 'kiosk-cat' });
    try {
      const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
      const first = await refreshCatalogue(store, client);
      expect(first).toMatchObject({ applied: true, full: true });
      const count = store.catalogue.all().length;
      expect(count).toBe(first.upserted);
      expect(count).toBeGreaterThan(0);
      const bump = await fetch(`${platform.url}/admin/catalogue/bump`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"changes":3}' });
      expect(bump.ok).toBe(true);
      const second = await refreshCatalogue(store, client);
      expect(second.full).toBe(false);
      expect(second.version).toBeGreaterThan(first.version);
      const fresh = (await client.catalogue(null)).body;
      expect(store.catalogue.all().map((i) => i.code)).toEqual(fresh.items.map((i) => i.code).sort());
      expect(store.catalogue.version()).toBe(fresh.version);
    } finally {
      store.close();
    }
  });

  it('delivers ratings and telemetry and sends a heartbeat that platform-sim accepts', async () => {
    const store = openKioskStore({ dataDir: `${t.dir}/kiosk-2`, deviceId: 'kiosk-rt' });
    try {
      const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
      const code = (await client.catalogue(null)).body.items[0]!.code;
      const tx = store.submitTransaction({ service: code, data: { name: '钱七' } });
      const rating = store.enqueueRating({ transactionId: tx.id, service: code, level: 'dissatisfied', reason: '等待时间长' });
      const event = store.enqueueTelemetry('printer.paper', { state: 'near-end' });
      const r = await createSyncEngine({ store, client }).syncNow();
      expect(r).toEqual({ drained: true, reachable: true, sent: 3, rejected: 0 });
      expect(store.queueStatus()).toMatchObject({ accepted: 3, rejected: 0 });
      const ratings = (await (await fetch(`${platform.url}/admin/ratings`)).json()) as Array<{ id: string }>;
      const telemetry = (await (await fetch(`${platform.url}/admin/telemetry`)).json()) as Array<{ id: string }>;
      expect(ratings.map((x) => x.id)).toContain(rating.id);
      expect(telemetry.map((x) => x.id)).toContain(event.id);
      expect(await sendHeartbeat({ store, client, version: '0.1.0' })).toEqual({ pinnedVersion: null });
    } finally {
      store.close();
    }
  });
});
