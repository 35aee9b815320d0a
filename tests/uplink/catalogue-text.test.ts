import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../platform-sim/catalogue/generate-catalogue';
import { createPlatformClient } from '../../uplink/client/platform-client';
import { PlatformProtocolError } from '../../uplink/client/platform-errors';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A platform stand-in on loopback answering every request with `body`. */
async function platformAnswering(body: unknown): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const catalogue = generateCatalogue();
const answer = (items: unknown[]) => ({ serverTime: new Date().toISOString(), version: 1, full: true, items, removed: [], lifeEvents: catalogue.lifeEvents });

describe('the platform client: per-locale catalogue text', () => {
  it('passes the reference catalogue per-locale text through', async () => {
    const url = await platformAnswering(answer(catalogue.items.slice(0, 3)));
    const reply = await createPlatformClient({ baseUrl: url, deviceId: 'k' }).catalogue(0);
    expect(reply.body.items[0]!.i18n?.en?.name).toBe(catalogue.items[0]!.i18n?.en?.name);
    expect(reply.body.lifeEvents![0]!.i18n?.ug?.name).toBe(catalogue.lifeEvents[0]!.i18n?.ug?.name);
  });

  it('refuses a catalogue whose translated text carries a bidi override, naming where and what', async () => {
    const hostile = structuredClone(catalogue.items[0]!);
    hostile.i18n = { ...hostile.i18n, ug: { ...hostile.i18n?.ug, name: '\u202Eئىجتىمائىي' } };
    const url = await platformAnswering(answer([hostile]));
    const call = createPlatformClient({ baseUrl: url, deviceId: 'k' }).catalogue(0);
    await expect(call).rejects.toBeInstanceOf(PlatformProtocolError);
    await expect(call).rejects.toThrow(
      'GET /api/v1/catalogue: invalid response (items.0.i18n.ug.name: catalogue text must not contain control or bidi-override characters (found U+202E))',
    );
  });

  it('refuses an oversized translated guide', async () => {
    const big = structuredClone(catalogue.items[0]!);
    big.i18n = { en: { guide: { summary: 'x'.repeat(2001) } } };
    const url = await platformAnswering(answer([big]));
    await expect(createPlatformClient({ baseUrl: url, deviceId: 'k' }).catalogue(0)).rejects.toThrow(/items\.0\.i18n\.en\.guide\.summary/);
  });
});
