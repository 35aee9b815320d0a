import { describe, expect, it } from 'vitest';
import { ServiceDetailSchema, type ServiceDetail } from '../../common/contract/schemas';
import { CatalogueVersions } from './catalogue-versions';
import { generateCatalogue } from './generate-catalogue';
import { toTraditional } from './traditional';
import { ENGLISH } from './translations/english';
import { UYGHUR } from './translations/uyghur';
import { WELL_KNOWN_ITEMS } from './well-known-items';

const HAN = /[\u3400-\u9fff]/;
const ARABIC = /[\u0600-\u06ff]/;
const catalogue = generateCatalogue();
const byName = new Map(catalogue.items.map((i) => [i.name, i]));

/** Every Chinese text of an item that a person reads, with where it is. */
function chineseTexts(item: ServiceDetail): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['name', item.name],
    ['department', item.department],
    ...Object.entries(item.guide).map(([k, v]) => [`guide.${k}`, v] as [string, string]),
  ];
  for (const m of item.materials) {
    out.push([`materials.${m.id}.name`, m.name]);
    if (m.note) out.push([`materials.${m.id}.note`, m.note]);
  }
  for (const f of item.form) {
    out.push([`form.${f.id}.label`, f.label]);
    for (const o of f.options ?? []) if (HAN.test(o)) out.push([`form.${f.id}.options.${o}`, o]);
  }
  return out;
}

/** The text at a {@link chineseTexts} path in one locale's i18n, or undefined. */
function textAt(item: ServiceDetail, locale: 'zh-TW' | 'en' | 'ug', path: string): string | undefined {
  const t = item.i18n?.[locale];
  const [head, id, leaf, option] = path.split('.');
  if (head === 'name' || head === 'department') return t?.[head];
  if (head === 'guide') return t?.guide?.[id as keyof NonNullable<NonNullable<typeof t>['guide']>];
  if (head === 'materials') return t?.materials?.[id!]?.[leaf as 'name' | 'note'];
  if (leaf === 'options') return t?.form?.[id!]?.options?.[option!];
  return t?.form?.[id!]?.label;
}

describe('the reference catalogue in the other kiosk languages', () => {
  it('converts with OpenCC (opencc-js), Simplified to Taiwan Traditional', () => {
    expect(toTraditional('社会保险参保缴费证明打印')).toBe('社會保險參保繳費證明打印');
    expect(toTraditional('户口簿、医疗保险，身份证号码')).toBe('戶口簿、醫療保險，身份證號碼');
    expect(toTraditional('ID 200')).toBe('ID 200');
  });

  it('carries Traditional Chinese for every text of every item, and for every life event', () => {
    const missing: string[] = [];
    for (const item of catalogue.items) {
      for (const [path, zh] of chineseTexts(item)) if (textAt(item, 'zh-TW', path) !== toTraditional(zh)) missing.push(`${item.code} ${path}`);
    }
    expect(missing.slice(0, 5)).toEqual([]);
    expect(byName.get('社保查询')!.i18n?.['zh-TW']?.name).toBe('社保查詢');
    for (const e of catalogue.lifeEvents) expect(e.i18n?.['zh-TW']?.name).toBe(toTraditional(e.name));
  });

  it('has English and Uyghur for every text of at least 10 well-known items, in the right script', () => {
    const complete = Object.keys(ENGLISH.items);
    expect(complete.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(UYGHUR.items).sort()).toEqual(complete.sort());
    for (const name of complete) {
      const item = byName.get(name);
      expect(item, `${name} is a catalogue item`).toBeDefined();
      for (const [path] of chineseTexts(item!)) {
        const en = textAt(item!, 'en', path);
        const ug = textAt(item!, 'ug', path);
        expect(en, `${name} en ${path}`).toMatch(/[A-Za-z]/);
        expect(en, `${name} en ${path}`).not.toMatch(HAN);
        expect(ug, `${name} ug ${path}`).toMatch(ARABIC);
        expect(ug, `${name} ug ${path}`).not.toMatch(HAN);
      }
    }
    for (const e of catalogue.lifeEvents) {
      expect(e.i18n?.en?.name, e.id).toMatch(/[A-Za-z]/);
      expect(e.i18n?.ug?.name, e.id).toMatch(ARABIC);
    }
  });

  it('leaves out what it has no translation for (a generated item has an English department and labels, but no English name)', () => {
    const generated = catalogue.items[WELL_KNOWN_ITEMS.length]!;
    expect(generated.i18n?.en?.name).toBeUndefined();
    expect(generated.i18n?.en?.department).toMatch(/[A-Za-z]/);
    expect(generated.i18n?.en?.form?.phone?.label).toBe('Mobile phone number');
    expect(generated.i18n?.ug?.form?.name?.label).toBe('ئىسىم-فامىلە');
  });

  it('is valid protocol for every item, and follows the item when a version bump changes it', () => {
    expect(catalogue.items.filter((i) => !ServiceDetailSchema.safeParse(i).success).map((i) => i.code)).toEqual([]);
    const versions = new CatalogueVersions(generateCatalogue(), 3, WELL_KNOWN_ITEMS.length);
    const bump = versions.bump(3);
    for (const code of [...bump.changed, ...bump.added]) {
      const item = versions.find(code)!;
      expect(item.i18n?.['zh-TW']?.guide?.timeLimit).toBe(toTraditional(item.guide.timeLimit));
      expect(item.i18n?.['zh-TW']?.name).toBe(toTraditional(item.name));
    }
  });
});
