import { describe, expect, it } from 'vitest';
import { createCatalogueIndex } from '../../common/catalogue-search/create-catalogue-index';
import { generateCatalogue } from '../../platform-sim/catalogue/generate-catalogue';

describe('catalogue search over the generated catalogue', () => {
  const { items, lifeEvents } = generateCatalogue();
  const index = createCatalogueIndex(items);

  it('puts the well-known item first for typical searches', () => {
    const first = (query: string) => index.search({ query, limit: 1 }).items[0]?.name;
    expect(first('sbcx')).toBe('社保查询');
    expect(first('shebaochaxun')).toBe('社保查询');
    expect(first('出生医学')).toBe('出生医学证明');
    expect(first('wfzjlzm')).toBe('无犯罪记录证明');
    expect(first('yibaoyidi')).toBe('医保异地就医备案');
    expect(first('jzzbl')).toBe('居住证办理');
  });

  it('filters by a life-event bundle', () => {
    const newborn = lifeEvents.find((e) => e.id === 'newborn')!;
    const r = index.search({ query: '', lifeEventCodes: newborn.itemCodes, limit: 50 });
    expect(r.total).toBe(newborn.itemCodes.length);
    expect(index.search({ query: '', lifeEvent: 'newborn', limit: 50 }).total).toBe(newborn.itemCodes.length);
  });
});
