import type { ItemI18n, ItemText, NameI18n } from '../../common/contract/catalogue-text';
import type { ServiceDetail } from '../../common/contract/schemas';
import { toTraditional } from './traditional';
import { ENGLISH } from './translations/english';
import type { LocaleTexts } from './translations/locale-texts';
import { UYGHUR } from './translations/uyghur';

/** Translates one Chinese text, or returns undefined when this language has no text for it. */
type Translate = (zh: string, own?: string) => string | undefined;

/** Lookup in a {@link LocaleTexts} table: the item's own text first, then the shared phrases. */
function fromTable(table: LocaleTexts): (itemName: string) => Translate {
  return (itemName) => {
    const own = table.items[itemName] as Record<string, string> | undefined;
    return (zh, key) => (key && own?.[key]) || table.phrases[zh];
  };
}

/** zh-TW: every Chinese text converted (OpenCC). */
const traditional: (itemName: string) => Translate = () => (zh) => toTraditional(zh);

const LANGUAGES: ReadonlyArray<readonly ['zh-TW' | 'en' | 'ug', (itemName: string) => Translate]> = [
  ['zh-TW', traditional],
  ['en', fromTable(ENGLISH)],
  ['ug', fromTable(UYGHUR)],
];

/** Drops undefined members, and returns undefined for an object left empty. */
function compact<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/** The texts of `item` in one language; undefined when it has none. */
function itemText(item: ServiceDetail, tr: Translate): ItemText | undefined {
  const g = item.guide;
  const materials: NonNullable<ItemText['materials']> = {};
  for (const m of item.materials) {
    const text = compact({ name: tr(m.name), note: m.note ? tr(m.note) : undefined });
    if (text) materials[m.id] = text;
  }
  const form: NonNullable<ItemText['form']> = {};
  for (const f of item.form) {
    const options: Record<string, string> = {};
    for (const o of f.options ?? []) {
      const t = tr(o);
      if (t) options[o] = t;
    }
    const text = compact({ label: tr(f.label), options: compact(options) });
    if (text) form[f.id] = text;
  }
  return compact({
    name: tr(item.name, 'name'),
    department: tr(item.department),
    category: tr(item.category),
    guide: compact({
      summary: tr(g.summary, 'summary'),
      whoCanApply: tr(g.whoCanApply, 'who'),
      timeLimit: tr(g.timeLimit),
      resultDelivery: tr(g.resultDelivery),
      feeDescription: tr(g.feeDescription),
      legalBasis: tr(g.legalBasis, 'legalBasis'),
    }),
    materials: compact(materials),
    form: compact(form),
  });
}

/**
 * The per-locale text of an item as the reference platform sends it
 * (`ServiceDetail.i18n`): Traditional Chinese for every text (OpenCC, at
 * generation time), English and Uyghur where the translation tables have
 * them (the well-known items in full, shared labels and phrases elsewhere).
 * Computed from the item's Chinese fields, so call it again after changing them.
 */
export function itemI18n(item: ServiceDetail): ItemI18n {
  const out: ItemI18n = {};
  for (const [locale, table] of LANGUAGES) {
    const text = itemText(item, table(item.name));
    if (text) out[locale] = text;
  }
  return out;
}

/** The per-locale name of a department or life event (`NameI18n`), from its Chinese name. */
export function nameI18n(zh: string): NameI18n {
  const out: NameI18n = {};
  for (const [locale, table] of LANGUAGES) {
    const name = table('')(zh);
    if (name) out[locale] = { name };
  }
  return out;
}
