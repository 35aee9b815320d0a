import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import en from './locales/en.json';
import ug from './locales/ug.json';

/** Locales the kiosk offers, in the order of the language switch. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en', 'ug'] as const;
/** One supported locale. */
export type Locale = (typeof LOCALES)[number];

/** The translation resources, one JSON file per locale (zh-CN is the reference). */
export const RESOURCES: Record<Locale, Record<string, unknown>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en, ug };

/** Writing direction of a locale: Uyghur (Arabic script) is right-to-left. */
export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ug' ? 'rtl' : 'ltr';
}

/** Narrows any string to a supported locale, falling back to zh-CN. */
export function toLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
}
