import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { createPlatformClient, createSyncEngine, type SyncEngine } from '../../uplink/index';
import { startFaultProxy } from './support/fault-proxy';
import { adminTransactions, exactlyOnce, firstServiceCode, setFaults, startPlatformProcess } from './support/platform-process';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** mulberry32: the same fault sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function kiosk(deviceId: string): KioskStore {
  const t = tempDir();
  const store = openKioskStore({ dataDir: t.dir, deviceId });
  cleanups.push(t.cleanup, () => store.close());
  return store;
}

function engineFor(store: KioskStore, baseUrl: string, batchSize = 50): SyncEngine {
  const engine = createSyncEngine({
    store,
    // Long enough that a platform starved of CPU on a loaded CI machine is not mistaken for a half-open connection.
    client: createPlatformClient({ baseUrl, deviceId: store.deviceId, timeoutMs: 2500 }),
    batchSize,
    baseDelayMs: 20,
    capDelayMs: 200,
    pollIntervalMs: 100,
  });
  cleanups.push(() => engine.stop());
  return engine;
}

async function expectExactlyOnce(url: string, deviceId: string, ids: string[]): Promise<void> {
  const records = (await adminTransactions(url)).filter((r) => r.deviceId === deviceId);
  const { missing, duplicated } = exactlyOnce(ids, records);
  expect(missing).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(records).toHaveLength(ids.length);
}

describe('network faults: 0 lost, 0 duplicated', () => {
  it('survives injected 503s, dropped connections (before and after commit) and latency', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const platform = await startPlatformProcess(`${t.dir}/platform`);
    cleanups.push(() => platform.kill());
    const code = await firstServiceCode(platform.url);
    const store = kiosk('kiosk-faults-admin');
    const engine = engineFor(store, platform.url, 20);
    await setFaults(platform.url, { errorRate: 0.3, dropRate: 0.3, latencyMs: 5 });
    engine.start();
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      ids.push(store.submitTransaction({ service: code, data: { i: String(i) } }).id);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    await waitUntil(() => store.queueStatus().accepted === ids.length, 'all 300 accepted through faults', 90_000);
    await setFaults(platform.url, { errorRate: 0, dropRate: 0, latencyMs: 0 });
    await expectExactlyOnce(platform.url, store.deviceId, ids);
    const redelivered = (await adminTransactions(platform.url)).filter((r) => r.receivedCount > 1).length;
    expect(redelivered).toBeGreaterThan(0);
  }, 120_000);

  it('survives a proxy that drops, delays, loses responses and half-opens connections', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const platform = await startPlatformProcess(`${t.dir}/platform`);
    cleanups.push(() => platform.kill());
    const code = await firstServiceCode(platform.url);
    // Seeded: with Math.random a run with no half-open roll at all came up about once in 25 runs.
    const proxy = await startFaultProxy({ host: '127.0.0.1', port: platform.port }, seededRandom(20261207));
    cleanups.push(() => proxy.close());
    proxy.set({ dropRate: 0.2, dropResponseRate: 0.2, halfOpenRate: 0.1, delayMs: 10 });
    const store = kiosk('kiosk-faults-proxy');
    const ids = Array.from({ length: 200 }, (_, i) => store.submitTransaction({ service: code, data: { i: String(i) } }).id);
    const engine = engineFor(store, proxy.url, 10);
    engine.start();
    await waitUntil(() => store.queueStatus().accepted === ids.length, 'all 200 accepted through the proxy', 150_000);
    const stats = proxy.stats();
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.droppedResponses).toBeGreaterThan(0);
    expect(stats.halfOpen).toBeGreaterThan(0);
    await expectExactlyOnce(platform.url, store.deviceId, ids);
  }, 180_000);

  it('survives a platform SIGKILL and restart in the middle of a batch run', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    let platform = await startPlatformProcess(`${t.dir}/platform`);
    cleanups.push(() => platform.kill());
    const code = await firstServiceCode(platform.url);
    const store = kiosk('kiosk-restart');
    const ids = Array.from({ length: 1500 }, (_, i) => store.submitTransaction({ service: code, data: { i: String(i) } }).id);
    const engine = engineFor(store, platform.url, 100);
    let deliveredBatches = 0;
    engine.on('delivered', () => deliveredBatches++);
    engine.start();
    await waitUntil(() => deliveredBatches >= 2, 'two batches delivered', 30_000, 1);
    await platform.kill();
    const midway = store.queueStatus().accepted;
    expect(midway).toBeLessThan(ids.length);
    platform = await startPlatformProcess(`${t.dir}/platform`, platform.port);
    engine.nudge();
    await waitUntil(() => store.queueStatus().accepted === ids.length, 'all 1500 accepted after restart', 90_000);
    await expectExactlyOnce(platform.url, store.deviceId, ids);
  }, 150_000);
});
