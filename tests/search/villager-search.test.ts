import { describe, expect, it } from 'vitest';
import { buildCatalogueIndex } from '../../main/core/services/catalogue-service';
import { generateCatalogue } from '../../platform-sim/catalogue/generate-catalogue';

/**
 * The search findings of issue 19, over the platform-sim catalogue with its
 * keywords, ranked as the core ranks it (`buildCatalogueIndex`). Each failed
 * on the search before issue 19.
 */
const details = generateCatalogue().items;
const index = buildCatalogueIndex(details);
const names = (query: string, limit = 10) => index.search({ query, limit }).items.map((i) => i.name);

describe('search that finds what people mean', () => {
  it('"sb" ranks 社保 items above 商标注册 items', () => {
    const list = names('sb', 20);
    const firstTrademark = list.findIndex((n) => n.startsWith('商标注册'));
    expect(list.slice(0, 3)).toContain('社保查询');
    expect(list.slice(0, 3).every((n) => /社保|社会保/.test(n))).toBe(true);
    if (firstTrademark >= 0) {
      const social = list.filter((n, i) => /社保|社会保/.test(n) && i > firstTrademark);
      expect(social).toEqual([]);
    }
  });

  it('"sbcx" finds 社保查询 first and no 申报 items', () => {
    const list = names('sbcx');
    expect(list[0]).toBe('社保查询');
    expect(list.filter((n) => n.includes('申报'))).toEqual([]);
  });

  it('"社保" finds 社会保障卡申领 in the first results', () => {
    expect(names('社保', 5)).toContain('社会保障卡申领');
  });

  it('"sbk" finds 社会保障卡 items first', () => {
    const list = names('sbk', 3);
    expect(list[0]).toBe('社会保障卡申领');
    expect(list.every((n) => n.startsWith('社会保障卡'))).toBe(true);
  });

  it('plain words reach the item: 生孩子, 看病报销, 开证明, 身份证丢了, 公积金', () => {
    expect(names('生孩子', 3)).toContain('出生医学证明');
    expect(names('看病报销', 3).some((n) => n.startsWith('医疗费用手工报销'))).toBe(true);
    expect(names('开证明', 5).every((n) => n.includes('证明'))).toBe(true);
    expect(names('身份证丢了', 3)).toContain('居民身份证申领（遗失补领）');
    expect(names('gjj', 3).every((n) => n.includes('住房公积金'))).toBe(true);
  });
});
