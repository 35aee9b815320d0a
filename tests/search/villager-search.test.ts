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

  it('everyday words count as much as the name\'s own, and the more asked item comes first among them', () => {
    // 上户口 is also moving a household registration in; 欠工资 also goes to labour arbitration; 退役军人 covers 退役士兵.
    expect(names('上户口', 10).some((n) => n.startsWith('户口迁入登记'))).toBe(true);
    expect(names('欠工资', 3)).toContain('劳动人事争议仲裁申请');
    expect(names('退役军人', 10)).toContain('退役士兵报到登记');
    // The most asked pension items first, not the ones whose name happens to start with 养老保险.
    expect(names('养老保险', 2).sort()).toEqual(['城乡居民养老保险参保登记', '城乡居民养老保险费缴纳']);
  });
});
