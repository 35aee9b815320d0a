import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { startWebHost } from '../../main/web/web-host';
import { TestKioskImplementation } from './test-kiosk-implementation';

const g = globalThis as Record<string, unknown>;
const saved = { document: g.document, location: g.location, WebSocket: g.WebSocket, kiosk: g.kiosk };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete g[k];
    else g[k] = v;
  }
  vi.resetModules();
});

/** A fresh copy of the module (getKioskApi memoises its API). */
const freshGetKioskApi = async () => (await import('../../renderer/src/transport/get-kiosk-api')).getKioskApi;

describe('getKioskApi', () => {
  it('in browser mode, connects to /kiosk-api on the page origin with the session cookie only (no token in the page)', async () => {
    const host = await startWebHost({ dispatcher: new ContractDispatcher(kioskContract, new TestKioskImplementation()), events: new EventHub<KioskContract>(), staticDir: null });
    try {
      const launched = await fetch(host.launchUrl(), { redirect: 'manual' });
      const cookie = (launched.headers.get('set-cookie') ?? '').split(';')[0]!;
      g.document = { querySelector: () => null };
      g.location = new URL(host.url);
      const offered: string[][] = [];
      g.WebSocket = class extends WebSocket {
        constructor(url: string, protocols: string[]) {
          offered.push(protocols);
          super(url, protocols, { origin: host.origin, headers: { Cookie: cookie } });
        }
      };
      const getKioskApi = await freshGetKioskApi();
      const api = getKioskApi();
      expect(getKioskApi()).toBe(api);
      expect((await api.system.info({})).deviceId).toBe('TEST-0001');
      expect(offered).toEqual([['kiosk.v1']]);
    } finally {
      await host.close();
    }
  });

  it('prefers window.kiosk from the preload when present (the preload, not the renderer, validates results)', async () => {
    g.kiosk = { system: { info: async () => ({ from: 'bridge' }) } };
    g.document = { querySelector: () => null };
    const api = (await freshGetKioskApi())();
    await expect(api.system.info({})).resolves.toEqual({ from: 'bridge' });
  });

  it('throws internal when there is neither a preload nor a page location', async () => {
    g.document = { querySelector: () => null };
    expect(await freshGetKioskApi().then((f) => () => f())).toThrow(/no kiosk transport/);
  });
});

describe('getKioskApi over an in-page window.kiosk (test fakes)', () => {
  it('calls methods with their service as `this` and keeps KioskError codes', async () => {
    const { KioskError } = await import('../../common/contract/errors');
    class Catalogue {
      private readonly prefix = 'no service ';
      async get(input: { code: string }): Promise<never> {
        throw new KioskError('not-found', this.prefix + input.code);
      }
    }
    g.kiosk = { catalogue: new Catalogue() };
    const api = (await freshGetKioskApi())();
    await expect(api.catalogue.get({ code: 'X1' })).rejects.toMatchObject({ code: 'not-found', message: 'no service X1' });
  });
});
