import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startFixture, txItem } from './sim-fixture';

describe('platform-sim durable state', () => {
  it('remembers accepted ids, receive counts, pin and catalogue version across a restart', async () => {
    const first = await startFixture();
    const items = Array.from({ length: 50 }, (_, i) => txItem(`restart-${i}`));
    const r1 = await first.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-r', items });
    expect(r1.body.results.every((x: { status: string }) => x.status === 'accepted')).toBe(true);
    await first.call('POST', '/admin/pin', { version: '2.0.0' });
    const bumped = (await first.call('POST', '/admin/catalogue/bump', { changes: 4 })).body;
    const before = (await first.call('GET', '/api/v1/catalogue')).body;
    await first.sim.close();

    const second = await startFixture({ dataDir: first.dataDir });
    try {
      const r2 = await second.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-r', items: [...items, txItem('restart-new')] });
      expect(r2.body.results.slice(0, 50).every((x: { status: string }) => x.status === 'duplicate')).toBe(true);
      expect(r2.body.results[50]).toEqual({ id: 'restart-new', status: 'accepted' });
      const admin = (await second.call('GET', '/admin/transactions')).body as { id: string; receivedCount: number }[];
      expect(admin).toHaveLength(51);
      expect(admin.filter((t) => t.id.startsWith('restart-') && t.id !== 'restart-new').every((t) => t.receivedCount === 2)).toBe(true);

      const hb = { deviceId: 'k-r', version: '2.1.0', sentAt: new Date().toISOString(), queue: { pending: 0, needsAttention: 0, oldestPendingAgeSeconds: null }, devices: [], alerts: [] };
      expect((await second.call('POST', '/api/v1/heartbeats', hb)).body.pinnedVersion).toBe('2.0.0');

      const after = (await second.call('GET', '/api/v1/catalogue')).body;
      expect(after.version).toBe(bumped.version);
      expect(JSON.stringify(after.items)).toBe(JSON.stringify(before.items));
      const delta = (await second.call('GET', `/api/v1/catalogue?since=${bumped.version - 1}`)).body;
      expect(delta.full).toBe(false);
      expect(delta.removed).toEqual(bumped.removed);
    } finally {
      await second.sim.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it('never loses or duplicates a batch cut off by a restart', async () => {
    const f = await startFixture();
    const dataDir = f.dataDir;
    const items = Array.from({ length: 500 }, (_, i) => txItem(`cut-${i}`, { data: { name: '李四', note: 'x'.repeat(200) } }));
    const pending = fetch(`${f.sim.url}/api/v1/transactions/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'k-cut', items }),
    }).then(
      (r) => r.status,
      () => 'failed' as const,
    );
    await new Promise((r) => setTimeout(r, 5));
    await f.sim.close();
    await pending;

    const again = await startFixture({ dataDir });
    try {
      const r = await again.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-cut', items });
      const statuses = new Set(r.body.results.map((x: { status: string }) => x.status));
      expect(statuses.size).toBe(1);
      const admin = (await again.call('GET', '/admin/transactions')).body as { id: string }[];
      expect(admin).toHaveLength(500);
      expect(new Set(admin.map((t) => t.id)).size).toBe(500);
    } finally {
      await again.dispose();
    }
  });
});
