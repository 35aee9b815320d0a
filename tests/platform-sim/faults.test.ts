import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, txItem, type SimFixture } from './sim-fixture';

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterEach(async () => {
  await f.call('POST', '/admin/reset');
});
afterAll(async () => {
  await f.dispose();
});

async function post(path: string, body: unknown): Promise<number | 'failed'> {
  try {
    const res = await fetch(f.sim.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.text();
    return res.status;
  } catch {
    return 'failed';
  }
}

describe('platform-sim fault injection', () => {
  it('merges fault settings and reports them with exact keys', async () => {
    expect((await f.call('GET', '/admin/faults')).body).toEqual({ latencyMs: 0, errorRate: 0, dropRate: 0, down: false });
    await f.call('POST', '/admin/faults', { errorRate: 0.5 });
    const merged = await f.call('POST', '/admin/faults', { latencyMs: 10 });
    expect(merged.body).toEqual({ latencyMs: 10, errorRate: 0.5, dropRate: 0, down: false });
    expect((await f.call('POST', '/admin/faults', { errorRate: 2 })).status).toBe(400);
    expect((await f.call('POST', '/admin/faults', { bogus: true })).status).toBe(400);
    await f.call('POST', '/admin/reset');
    expect((await f.call('GET', '/admin/faults')).body).toEqual({ latencyMs: 0, errorRate: 0, dropRate: 0, down: false });
  });

  it('errorRate 1 answers every /api request 503 with the platform time, admin untouched', async () => {
    await f.call('POST', '/admin/faults', { errorRate: 1 });
    const r = await f.call('GET', '/api/v1/time');
    expect(r.status).toBe(503);
    expect(r.body.error).toBe('unavailable');
    expect(r.headers.get('x-platform-time')).toBeTruthy();
    expect((await f.call('GET', '/admin/transactions')).status).toBe(200);
    expect(await post('/api/v1/transactions/batch', { deviceId: 'k-f', items: [txItem('err-1')] })).toBe(503);
    expect((await f.call('GET', '/admin/transactions')).body.some((t: { id: string }) => t.id === 'err-1')).toBe(false);
  });

  it('down destroys every /api connection at once', async () => {
    await f.call('POST', '/admin/faults', { down: true });
    expect(await post('/api/v1/transactions/batch', { deviceId: 'k-f', items: [txItem('down-1')] })).toBe('failed');
    await expect(fetch(`${f.sim.url}/api/v1/time`)).rejects.toThrow();
    await f.call('POST', '/admin/faults', { down: false });
    expect((await f.call('GET', '/api/v1/time')).status).toBe(200);
    expect((await f.call('GET', '/admin/transactions')).body.some((t: { id: string }) => t.id === 'down-1')).toBe(false);
  });

  it('dropRate 1 fails every request, yet about half the batches were stored', async () => {
    await f.call('POST', '/admin/faults', { dropRate: 1 });
    const ids = Array.from({ length: 40 }, (_, i) => `drop-${i}`);
    for (const id of ids) expect(await post('/api/v1/transactions/batch', { deviceId: 'k-f', items: [txItem(id)] })).toBe('failed');
    await f.call('POST', '/admin/reset');
    const stored = (await f.call('GET', '/admin/transactions')).body.filter((t: { id: string }) => t.id.startsWith('drop-')).length;
    expect(stored).toBeGreaterThan(5);
    expect(stored).toBeLessThan(35);
    const retry = await f.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-f', items: ids.map((id) => txItem(id)) });
    const duplicates = retry.body.results.filter((x: { status: string }) => x.status === 'duplicate').length;
    expect(duplicates).toBe(stored);
    expect((await f.call('GET', '/admin/transactions')).body.filter((t: { id: string }) => t.id.startsWith('drop-'))).toHaveLength(40);
  });

  it('latencyMs delays /api answers', async () => {
    await f.call('POST', '/admin/faults', { latencyMs: 300 });
    const started = performance.now();
    expect((await f.call('GET', '/api/v1/time')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
