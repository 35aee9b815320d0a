import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, RESOURCES } from './locales';

/**
 * Creates and initialises the i18next instance (synchronous: resources are
 * bundled, nothing is fetched). zh-CN is the default and the fallback.
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: RESOURCES[l] }])),
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
