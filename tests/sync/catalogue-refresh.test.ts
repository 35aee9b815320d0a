import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient, openKioskStore, refreshCatalogue } from '../../offline-cache/index';
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
});
