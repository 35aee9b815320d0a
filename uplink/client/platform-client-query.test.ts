import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient, MAX_QUERY_BYTES, type QueryRequest } from './platform-client';
import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './platform-errors';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A platform stand-in on loopback answering every request with `answer`; the request bodies it saw go to `seen`. */
async function platform(answer: (res: ServerResponse) => void, seen: unknown[] = []): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push(JSON.parse(body || 'null'));
      answer(res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const json = (status: number, body: unknown) => (res: ServerResponse) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const REQUEST: QueryRequest = { service: 'GG00001001', applicant: { name: '李晓明', idNumber: '110101198504121230' }, parameters: {} };
const GOOD = {
  serverTime: '2026-01-02T03:04:05.000Z',
  service: 'GG00001001',
  title: '社保查询结果',
  sections: [{ heading: '养老保险', rows: [{ label: '累计缴费', value: '12年3个月', kind: 'text' }] }],
  note: '仅供本人参考。',
};

describe('platform client: POST /api/v1/queries', () => {
  it('sends the item, the applicant and the parameters with the device id, and returns the checked answer', async () => {
    const seen: unknown[] = [];
    const url = await platform(json(200, GOOD), seen);
    const reply = await createPlatformClient({ baseUrl: url, deviceId: 'kiosk-q' }).query(REQUEST);
    expect(reply.body).toEqual(GOOD);
    expect(seen[0]).toEqual({ deviceId: 'kiosk-q', ...REQUEST });
  });

  it.each([
    ['a row kind it does not know', { ...GOOD, sections: [{ heading: 'x', rows: [{ label: 'a', value: 'b', kind: 'html' }] }] }],
    ['a value longer than a screen line', { ...GOOD, sections: [{ heading: 'x', rows: [{ label: 'a', value: 'x'.repeat(201), kind: 'text' }] }] }],
    ['too many sections', { ...GOOD, sections: Array.from({ length: 21 }, () => GOOD.sections[0]) }],
    ['no sections at all', { ...GOOD, sections: [] }],
    ['no server time', { ...GOOD, serverTime: 'yesterday' }],
    ['an answer for another item', { ...GOOD, service: 'XK00001001' }],
    ['not an object', [GOOD]],
  ])('refuses a hostile answer with PlatformProtocolError: %s', async (_what, body) => {
    const url = await platform(json(200, body));
    await expect(createPlatformClient({ baseUrl: url, deviceId: 'k' }).query(REQUEST)).rejects.toBeInstanceOf(PlatformProtocolError);
  });

  it(`refuses an answer over ${MAX_QUERY_BYTES} bytes before parsing it`, async () => {
    const huge = { ...GOOD, note: 'x'.repeat(MAX_QUERY_BYTES) };
    const url = await platform(json(200, huge));
    const error = await createPlatformClient({ baseUrl: url, deviceId: 'k' }).query(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformProtocolError);
  });

  it('a refusal is a PlatformHttpError with its status; a dead port is PlatformUnreachableError', async () => {
    const url = await platform(json(409, { error: 'not-a-query', message: 'applied for' }));
    const refused = await createPlatformClient({ baseUrl: url, deviceId: 'k' }).query(REQUEST).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformHttpError);
    expect((refused as PlatformHttpError).status).toBe(409);
    await expect(createPlatformClient({ baseUrl: 'http://127.0.0.1:9', deviceId: 'k' }).query(REQUEST)).rejects.toBeInstanceOf(PlatformUnreachableError);
  });

  it('gives up after the citizen timeout', async () => {
    const url = await platform(() => undefined);
    await expect(createPlatformClient({ baseUrl: url, deviceId: 'k', citizenTimeoutMs: 200 }).query(REQUEST)).rejects.toBeInstanceOf(PlatformUnreachableError);
  });
});
