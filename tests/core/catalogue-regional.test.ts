import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, readOrCreateDeviceId, type KioskStore } from '../../offline-cache/index';
import { generateCatalogue, COUNTIES } from '../../platform-sim/catalogue/generate-catalogue';
import { tempDir } from './support/temp-dir';
import { CatalogueService, REGION_KEY } from '../../main/core/services/catalogue-service';
import { IN_PROCESS_CONNECTION } from '../../common/contract/connections';

/** The core's catalogue over a real kiosk store holding platform-sim's generated catalogue. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

const catalogue = generateCatalogue();
const CALL = { connection: IN_PROCESS_CONNECTION };

function storeWithCatalogue(): KioskStore {
  const t = tempDir('catalogue-service-');
  const store = openKioskStore({ dataDir: t.dir, deviceId: readOrCreateDeviceId(t.dir) });
  cleanups.push(t.cleanup, () => store.close());
  store.catalogue.applyUpdate({ version: 1, full: true, items: catalogue.items, removed: [], lifeEvents: catalogue.lifeEvents });
  return store;
}

const districtSuffix = new RegExp(`（(${COUNTIES.map((c) => c.name).join('|')})）`);

describe('CatalogueService: the catalogue for this place', () => {
  it('lists one entry per basic item: a district terminal sees its own district\u2019s implementation, never the others side by side', async () => {
    const store = storeWithCatalogue();
    const service = new CatalogueService(store, { region: '410102' }).methods();
    const found = await service.search({ query: '商标注册', limit: 100, offset: 0 }, CALL);
    const names = found.items.map((i) => i.name);
    expect(names.filter((n) => districtSuffix.test(n) && !n.includes('城东区'))).toEqual([]);
    const all = await service.search({ query: '', limit: 100, offset: 0, department: '人社局' }, CALL);
    const byBasic = new Map<string, number>();
    for (const i of all.items) byBasic.set(i.name.replace(districtSuffix, ''), (byBasic.get(i.name.replace(districtSuffix, '')) ?? 0) + 1);
    expect([...byBasic.values()].every((n) => n === 1)).toBe(true);
    expect(store.config.get(REGION_KEY)).toBe('410102');
  });

  it('with no region shows the basic list only; the whole catalogue stays readable by code (queued applications, receipts)', async () => {
    const store = storeWithCatalogue();
    const core = new CatalogueService(store);
    const service = core.methods();
    const found = await service.search({ query: '社会保障卡', limit: 100, offset: 0 }, CALL);
    expect(found.items.some((i) => districtSuffix.test(i.name))).toBe(false);
    const local = catalogue.items.find((i) => i.region === '410103')!;
    expect(core.find(local.code)?.code).toBe(local.code);
    expect((await service.get({ code: local.code }, CALL)).code).toBe(local.code);
  });

  it('names a life event\u2019s items by the entries listed here, and a bundle of them is resolved by those codes', async () => {
    const store = storeWithCatalogue();
    // platform-sim's life events name basic items only: give one of them a district implementation.
    const event = catalogue.lifeEvents[0]!;
    const basic = catalogue.items.find((i) => i.code === event.itemCodes[0])!;
    const local = { ...structuredClone(basic), code: `${basic.code}-410102`, name: `${basic.name}（城东区）`, region: '410102', implements: basic.code };
    store.catalogue.applyUpdate({ version: 2, full: false, items: [local], removed: [], lifeEvents: catalogue.lifeEvents });
    const core = new CatalogueService(store, { region: '410102' });
    const overview = await core.methods().overview({}, CALL);
    const listed = overview.lifeEvents.find((e) => e.id === event.id)!;
    expect(listed.itemCodes[0]).toBe(local.code);
    expect(listed.itemCodes).not.toContain(basic.code);
    expect(core.lifeEvent(event.id)?.itemCodes).toEqual(listed.itemCodes);
    const elsewhere = new CatalogueService(store, { region: '410103' });
    expect(elsewhere.lifeEvent(event.id)?.itemCodes[0]).toBe(basic.code);
    expect(elsewhere.lifeEvent('no-such-event')).toBeNull();
  });
});
