import zhCN from './locales/zh-CN.json';

/** Locales the kiosk offers, in the order of the language switch. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en', 'ug'] as const;
/** One supported locale. */
export type Locale = (typeof LOCALES)[number];

/** Translation resources of one locale (nested keys → strings). */
export type Resources = Record<string, unknown>;

/**
 * zh-CN (the default, the fallback and the reference) is bundled with the
 * start-up code; the others are separate chunks fetched on first use (or by
 * {@link loadAllLocales} once the attract screen is up), so cold start does
 * not parse translations nobody has asked for yet.
 */
export const REFERENCE: Resources = zhCN;

const LOADERS: Record<Locale, () => Promise<Resources>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  'zh-TW': () => import('./locales/zh-TW.json').then((m) => m.default),
  en: () => import('./locales/en.json').then((m) => m.default),
  ug: () => import('./locales/ug.json').then((m) => m.default),
};

const loading = new Map<Locale, Promise<Resources>>();

/** The resources of `locale`, loaded once (a failed load is retried on the next call). */
export function loadLocale(locale: Locale): Promise<Resources> {
  let p = loading.get(locale);
  if (!p) {
    p = LOADERS[locale]().catch((error: unknown) => {
      loading.delete(locale);
      throw error;
    });
    loading.set(locale, p);
  }
  return p;
}

/** Every locale's resources, keyed by locale. */
export async function loadAllLocales(): Promise<Record<Locale, Resources>> {
  const all = await Promise.all(LOCALES.map((l) => loadLocale(l)));
  return Object.fromEntries(LOCALES.map((l, i) => [l, all[i]])) as Record<Locale, Resources>;
}

/** Writing direction of a locale: Uyghur (Arabic script) is right-to-left. */
export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ug' ? 'rtl' : 'ltr';
}

/** Narrows any string to a supported locale, falling back to zh-CN. */
export function toLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
}
