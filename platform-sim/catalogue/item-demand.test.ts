import { describe, expect, it } from 'vitest';
import { generateCatalogue } from './generate-catalogue';
import { generatedCases, wellKnownCases } from './item-demand';
import { WELL_KNOWN_ITEMS } from './well-known-items';

describe('cases last year (casesLastYear) of the generated catalogue', () => {
  const items = generateCatalogue().items;
  const cases = (name: string) => items.find((i) => i.name === name)?.casesLastYear;

  it('is carried by every item, a whole number, and every district entry has its basic item\'s', () => {
    expect(items.filter((i) => !Number.isInteger(i.casesLastYear) || i.casesLastYear! <= 0).map((i) => i.code)).toEqual([]);
    const byCode = new Map(items.map((i) => [i.code, i]));
    const local = items.filter((i) => i.implements);
    expect(local.length).toBeGreaterThan(0);
    expect(local.filter((i) => i.casesLastYear !== byCode.get(i.implements!)?.casesLastYear)).toEqual([]);
  });

  it('falls with the rank of the action and of the scope in the subject line', () => {
    expect(cases('机动车驾驶证核发（小型汽车）')).toBeGreaterThan(cases('机动车驾驶证核发（摩托车）')!);
    expect(cases('机动车驾驶证核发（小型汽车）')).toBeGreaterThan(cases('机动车驾驶证换证（小型汽车）')!);
    expect(generatedCases('甲办理', 0, 0)).toBeGreaterThan(generatedCases('甲办理', 1, 0));
    expect(generatedCases('甲办理', 0, 1)).toBeGreaterThan(generatedCases('甲办理', 0, 2));
  });

  it('is lower for actions that end something and for items organisations apply for', () => {
    expect(generatedCases('失业注销登记', 0, 0)).toBeLessThan(generatedCases('失业登记', 0, 0));
    expect(generatedCases('单位住房公积金缴存登记', 0, 0)).toBeLessThan(generatedCases('个人住房公积金账户设立', 0, 0));
    expect(wellKnownCases('死亡户口注销')).toBeLessThan(wellKnownCases('新生儿落户'));
  });

  it('puts the well-known items, what people ask for most, above any generated item of the same kind', () => {
    const generatedMax = Math.max(...items.slice(WELL_KNOWN_ITEMS.length).map((i) => i.casesLastYear!));
    expect(cases('社保查询')).toBeGreaterThan(generatedMax);
    expect(wellKnownCases('企业设立登记')).toBeLessThan(wellKnownCases('社保查询'));
  });
});
