import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, txItem, type SimFixture } from './sim-fixture';

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture({ bodyLimitBytes: 256 * 1024 });
});
afterAll(async () => {
  await f.dispose();
});

async function raw(path: string, body: string, contentType = 'application/json') {
  const res = await fetch(f.sim.url + path, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { error: string; message: string } };
}

describe('platform-sim against hostile input', () => {
  it.each([
    ['not JSON', '{"deviceId":'],
    ['JSON null', 'null'],
    ['array body', '[]'],
    ['items not an array', '{"deviceId":"k","items":{}}'],
    ['missing deviceId', '{"items":[]}'],
    ['empty deviceId', '{"deviceId":"","items":[]}'],
    ['prototype pollution', '{"deviceId":"k","items":[],"__proto__":{"polluted":true}}'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('answers 400 {error, message} for %s', async (_label, body) => {
    const r = await raw('/api/v1/transactions/batch', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bad-request');
    expect(typeof r.body.message).toBe('string');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats an empty JSON body as no body and accepts a charset parameter', async () => {
    const empty = await fetch(`${f.sim.url}/admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(200);
    const withCharset = await raw('/api/v1/transactions/batch', JSON.stringify({ deviceId: 'k', items: [] }), 'application/json; charset=utf-8');
    expect(withCharset.status).toBe(200);
    const nested = await raw('/api/v1/transactions/batch', '{"deviceId":"k","items":[{"constructor":{"prototype":{"x":1}}}]}');
    expect(nested.status).toBe(400);
  });

  it('rejects more than 500 items as a malformed envelope', async () => {
    const items = Array.from({ length: 501 }, (_, i) => ({ id: `many-${i}` }));
    const r = await raw('/api/v1/transactions/batch', JSON.stringify({ deviceId: 'k', items }));
    expect(r.status).toBe(400);
  });

  it('answers 413 above the body limit and 415 for other media types', async () => {
    const big = JSON.stringify({ deviceId: 'k', items: [txItem('big', { data: { blob: 'x'.repeat(300 * 1024) } })] });
    const tooBig = await fetch(`${f.sim.url}/api/v1/transactions/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('x-platform-time')).toBeTruthy();
    expect(((await tooBig.json()) as { error: string }).error).toBe('payload-too-large');
    const r = await raw('/api/v1/transactions/batch', 'deviceId=k', 'application/x-www-form-urlencoded');
    expect(r.status).toBe(415);
    expect(r.body.error).toBe('unsupported-media-type');
  });

  it('rejects hostile items one by one without failing the batch', async () => {
    const items = [
      txItem('ok-among-junk'),
      { ...txItem('long-service'), service: 'S'.repeat(5000) },
      { ...txItem('bad-time'), createdAt: 'yesterday' },
      { ...txItem('bad-data'), data: 'not an object' },
      { ...txItem('bad id with spaces') },
      { ...txItem('nan-offset'), kioskClockOffsetMs: '12' },
      null,
      [],
    ];
    const r = await f.call('POST', '/api/v1/transactions/batch', { deviceId: 'k-h', items });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['accepted', ...Array(7).fill('rejected')]);
    expect(r.body.results[4].id).toBeNull();
  });

  it('keeps odd path parameters harmless', async () => {
    for (const path of ['/api/v1/certificates/..%2F..%2Fetc%2Fpasswd', '/api/v1/certificates/%00', '/api/v1/payments/%27%20OR%201=1']) {
      const res = await fetch(f.sim.url + path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not-found');
    }
  });
});
