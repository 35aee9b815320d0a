import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKioskStore, TestKeyProvider } from '../offline-cache/index';
import { createPlatformClient, createSyncEngine } from '../uplink/index';
import { adminTransactions, firstServiceCode, startPlatformProcess } from '../tests/sync/support/platform-process';

// Time to drain 10,000 queued transactions to platform-sim on loopback
// (default batch size 100), from the first request to an empty outbox.
const N = Number(process.env.BENCH_DRAIN_N ?? 10_000);
const root = mkdtempSync(join(tmpdir(), 'bench-drain-'));
const platform = await startPlatformProcess(join(root, 'platform'));
try {
  const code = await firstServiceCode(platform.url);
  const store = openKioskStore({ dataDir: join(root, 'kiosk'), deviceId: 'kiosk-bench-drain', keyProvider: new TestKeyProvider() });
  const data = { name: '张三', idNumber: '11010519491231002X', address: '北京市东城区景山前街4号', phone: '13800000000' };
  const seedStart = Date.now();
  for (let i = 0; i < N; i++) store.submitTransaction({ service: code, data });
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const engine = createSyncEngine({ store, client: createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId }) });
  const t0 = Date.now();
  let passes = 0;
  for (;;) {
    passes++;
    const r = await engine.syncNow();
    if (r.drained || passes > 20) break;
  }
  const seconds = (Date.now() - t0) / 1000;
  const status = store.queueStatus();
  const onPlatform = (await adminTransactions(platform.url)).filter((r) => r.deviceId === store.deviceId).length;
  store.close();
  console.log(`seed ${N} durable submissions: ${seedSeconds.toFixed(1)} s (goal: none)`);
  console.log(`drain ${N} transactions to ${platform.implementation} (batch 100): ${seconds.toFixed(2)} s (goal: ≤ 20 s)`);
  console.log(`drain throughput: ${(N / seconds).toFixed(0)} tx/s (goal: ≥ 500 tx/s)`);
  console.log(`drain result: accepted ${status.accepted}, pending ${status.pending + status.inFlight}, on platform ${onPlatform}, passes ${passes} (goal: all ${N})`);
} finally {
  await platform.kill();
  rmSync(root, { recursive: true, force: true });
}
