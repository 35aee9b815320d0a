import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { createPlatformClient, createSyncEngine } from '../../uplink/index';
import { adminTransactions } from './support/platform-process';
import { startTestPlatform, TEST_SERVICE_CODES, type TestPlatform } from './support/test-platform';
import { tempDir } from './support/temp-dir';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ store: KioskStore; platform: TestPlatform }> {
  const t = tempDir();
  const platform = await startTestPlatform();
  const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-bundle-1' });
  cleanups.push(t.cleanup, () => platform.close(), () => store.close());
  return { store, platform };
}

describe('a life-event bundle through the sync engine', () => {
  it('delivers each item of the bundle exactly once, also when the batch is sent again after a lost acknowledgement', async () => {
    const { store, platform } = await setup();
    const bundle = store.submitBundle({ bundleId: 'newborn', items: TEST_SERVICE_CODES.map((service) => ({ service, data: { name: '张三' } })) });
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });

    // First attempt: the platform stores the items but the kiosk never sees the answer (released as after a timeout).
    const claimed = store.outbox.claim('transaction', 10);
    expect(claimed.map((c) => c.id)).toEqual(bundle.items.map((i) => i.id));
    await client.sendBatch(
      'transaction',
      claimed.flatMap((c) => (c.kind === 'transaction' ? [{ id: c.id, seq: c.seq, service: c.body.service, createdAt: c.body.createdAt, kioskClockOffsetMs: null, data: c.body.data }] : [])),
    );
    store.outbox.release(claimed.map((c) => c.id));

    const engine = createSyncEngine({ store, client });
    const delivered: string[] = [];
    engine.on('delivered', (d) => delivered.push(...d));
    expect(await engine.syncNow()).toMatchObject({ drained: true, reachable: true, sent: 3 });
    expect(delivered.sort()).toEqual(bundle.items.map((i) => i.id).sort());
    expect(store.queueStatus()).toMatchObject({ pending: 0, inFlight: 0, accepted: 3, rejected: 0 });

    const records = await adminTransactions(platform.url);
    expect(records.map((r) => r.id).sort()).toEqual(bundle.items.map((i) => i.id).sort());
    expect(records.map((r) => r.seq)).toEqual(bundle.items.map((i) => i.seq));
    expect(records.map((r) => r.service)).toEqual(TEST_SERVICE_CODES);
    // Held once each; the second sending was answered `duplicate`.
    expect(records.every((r) => r.receivedCount === 2)).toBe(true);
  });
});
