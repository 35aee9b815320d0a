import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { createPlatformClient, createSyncEngine, lastClockReading, refreshCatalogue, sendHeartbeat } from '../../uplink/index';
import { startTestPlatform, TEST_SERVICE_CODES, type TestPlatform } from './support/test-platform';
import { adminTransactions } from './support/platform-process';
import { tempDir } from './support/temp-dir';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ store: KioskStore; platform: TestPlatform }> {
  const t = tempDir();
  const platform = await startTestPlatform();
  const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-sync-1' });
  cleanups.push(t.cleanup, () => platform.close(), () => store.close());
  return { store, platform };
}

const CODE = TEST_SERVICE_CODES[0]!;

describe('sync engine against a protocol-v1 platform', () => {
  it('delivers in batches, treats duplicate as accepted, and never lets a rejected item block the rest', async () => {
    const { store, platform } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(store.submitTransaction({ service: i === 3 ? 'NO-SUCH' : CODE, data: { i: String(i) } }).id);
    store.enqueueRating({ transactionId: ids[0]!, service: CODE, level: 'satisfied', reason: null });
    store.enqueueTelemetry('boot', { version: '0.1.0' });
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    const engine = createSyncEngine({ store, client, batchSize: 10 });
    const delivered: string[] = [];
    engine.on('delivered', (d) => delivered.push(...d));
    const r = await engine.syncNow();
    expect(r).toEqual({ drained: true, reachable: true, sent: 27, rejected: 1 });
    expect(store.queueStatus()).toMatchObject({ pending: 0, inFlight: 0, accepted: 26, rejected: 1, needsAttention: 1 });
    expect(store.transactionStatus(ids[3]!)).toBe('rejected');
    expect(store.outbox.needsAttention()[0]).toMatchObject({ id: ids[3], reason: 'unknown-service' });
    expect(delivered).toHaveLength(26);
    const records = await adminTransactions(platform.url);
    expect(records.map((x) => x.id).sort()).toEqual(ids.filter((_, i) => i !== 3).sort());
    expect(records.every((x) => x.deviceId === 'kiosk-sync-1')).toBe(true);
    expect(records.map((x) => x.seq).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1).filter((s) => s !== 4));

    // The same items again (e.g. ack lost): the platform says duplicate, the kiosk counts them accepted.
    const again = await client.sendBatch('transaction', [{ id: ids[0]!, seq: 1, service: CODE, createdAt: new Date().toISOString(), kioskClockOffsetMs: null, data: {} }]);
    expect(again.body.results[0]!.status).toBe('duplicate');
    expect((await adminTransactions(platform.url)).filter((x) => x.id === ids[0])).toHaveLength(1);
  });

  it('records the platform clock offset and reports connectivity transitions', async () => {
    const { store, platform } = await setup();
    const skew = 90_000;
    const engine = createSyncEngine({
      store,
      client: createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId, now: () => Date.now() - skew }),
      now: () => Date.now() - skew,
    });
    const states: string[] = [];
    engine.on('connectivity', (c) => states.push(c.state));
    expect(engine.connectivity.state).toBe('offline');
    store.submitTransaction({ service: CODE, data: {} });
    await engine.syncNow();
    expect(engine.connectivity).toMatchObject({ state: 'online', pending: 0 });
    expect(engine.connectivity.lastContactAt).not.toBeNull();
    const clock = lastClockReading(store.config)!;
    expect(Math.abs(clock.offsetMs - skew)).toBeLessThan(2_000);
    await platform.close();
    const r = await engine.syncNow();
    expect(r.reachable).toBe(false);
    expect(engine.connectivity.state).toBe('offline');
    expect(states).toEqual(['online', 'offline']);
  });

  it('backs off while the platform is down and delivers promptly after nudge()', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-sync-2' });
    cleanups.push(() => store.close());
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const engine = createSyncEngine({
      store,
      client: createPlatformClient({ baseUrl: `http://127.0.0.1:${port}`, deviceId: store.deviceId, timeoutMs: 1000 }),
      baseDelayMs: 60_000,
      random: () => 0.99,
      pollIntervalMs: 60_000,
    });
    const id = store.submitTransaction({ service: CODE, data: {} }).id;
    engine.start();
    cleanups.push(() => engine.stop());
    await new Promise((r) => setTimeout(r, 300));
    expect(store.transactionStatus(id)).toBe('pending');
    const platform = await startTestPlatform({ port });
    cleanups.push(() => platform.close());
    const delivered = new Promise<string[]>((resolve) => engine.on('delivered', resolve));
    const started = Date.now();
    engine.nudge();
    expect(await delivered).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(store.transactionStatus(id)).toBe('accepted');
  });

  it('refreshes the catalogue (full, then delta by since) and sends heartbeats without personal data', async () => {
    const { store, platform } = await setup();
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    const r = await refreshCatalogue(store, client);
    expect(r).toMatchObject({ applied: true, full: true });
    expect(store.catalogue.all().length).toBeGreaterThan(0);
    store.submitTransaction({ service: CODE, data: { name: '赵六' } });
    expect(await sendHeartbeat({ store, client, version: '0.1.0' })).toEqual({ pinnedVersion: null });
    const hb = (await (await fetch(`${platform.url}/admin/heartbeats`)).json()) as unknown[];
    expect(hb).toHaveLength(1);
    expect(JSON.stringify(hb)).not.toContain('赵六');
    expect(hb[0]).toMatchObject({ deviceId: 'kiosk-sync-1', queue: { pending: 1, needsAttention: 0 } });
  });
});
