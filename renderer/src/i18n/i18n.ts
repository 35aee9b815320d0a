import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, REFERENCE, loadLocale, type Locale } from './locales';

/**
 * Creates and initialises the i18next instance (synchronous: zh-CN is
 * bundled). zh-CN is the default and the fallback; the other locales are
 * added by {@link ensureLocale} before they are switched to.
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: REFERENCE } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** True when `locale`'s resources are in `instance` (a switch to it is then synchronous). */
export function hasLocale(instance: i18n, locale: Locale): boolean {
  return instance.hasResourceBundle(locale, 'translation');
}

/** Loads `locale`'s resources into `instance` if they are not there yet. */
export async function ensureLocale(instance: i18n, locale: Locale): Promise<void> {
  if (hasLocale(instance, locale)) return;
  const resources = await loadLocale(locale);
  if (!hasLocale(instance, locale)) instance.addResourceBundle(locale, 'translation', resources);
}
