import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CatalogueOverviewSchema, CatalogueSearchResultSchema, ServiceDetail } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';

type Overview = z.infer<typeof CatalogueOverviewSchema>;
type SearchResult = z.infer<typeof CatalogueSearchResultSchema>;

describe('catalogue text per locale, platform-sim → uplink → SQLite cache → contract', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCoreHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves an item with every locale text the platform sent', async () => {
    const found = await h.ok<SearchResult>('catalogue:search', { query: '社保查询', limit: 3 });
    const item = await h.ok<ServiceDetail>('catalogue:get', { code: found.items[0]!.code });
    expect(item.name).toBe('社保查询');
    expect(item.i18n?.en).toMatchObject({ name: 'Social insurance enquiry', form: { name: { label: 'Name' }, idNumber: { label: 'ID card number' } } });
    expect(item.i18n?.ug?.name).toBe('ئىجتىمائىي سۇغۇرتىنى سۈرۈشتۈرۈش');
    expect(item.i18n?.['zh-TW']?.name).toBe('社保查詢');
  });

  it('keeps name and department per locale on search results, still found by the Chinese name', async () => {
    const found = await h.ok<SearchResult>('catalogue:search', { query: '社保查询', limit: 3 });
    expect(found.items[0]).toMatchObject({ name: '社保查询', i18n: { en: { name: 'Social insurance enquiry', department: 'Human Resources and Social Security Bureau' } } });
    expect(found.items[0]!.i18n?.en).not.toHaveProperty('guide');
  });

  it('names departments and life events per locale in the overview', async () => {
    const overview = await h.ok<Overview>('catalogue:overview');
    expect(overview.departments.find((d) => d.name === '公安局')?.i18n).toMatchObject({ en: { name: 'Public Security Bureau' }, ug: { name: 'جامائەت خەۋپسىزلىك ئىدارىسى' }, 'zh-TW': { name: '公安局' } });
    expect(overview.lifeEvents.find((e) => e.id === 'newborn')?.i18n).toMatchObject({ en: { name: 'A baby is born' }, 'zh-TW': { name: '新生兒出生一件事' } });
    expect(overview.popular.every((s) => s.i18n?.['zh-TW']?.name)).toBe(true);
  });
});
