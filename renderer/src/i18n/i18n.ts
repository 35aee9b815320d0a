import { REFERENCE, loadLocale, type Locale } from './locales';
import { Translator } from './translator';

/**
 * Creates the kiosk's translator (synchronous: zh-CN is bundled). zh-CN is
 * the default and the fallback; the other locales are added by
 * {@link ensureLocale} before they are switched to.
 */
export function createI18n(): Translator {
  return new Translator('zh-CN', REFERENCE);
}

/** True when `locale`'s resources are in `instance` (a switch to it is then synchronous). */
export function hasLocale(instance: Translator, locale: Locale): boolean {
  return instance.hasResourceBundle(locale);
}

/** Loads `locale`'s resources into `instance` if they are not there yet. */
export async function ensureLocale(instance: Translator, locale: Locale): Promise<void> {
  if (hasLocale(instance, locale)) return;
  const resources = await loadLocale(locale);
  if (!hasLocale(instance, locale)) instance.addResourceBundle(locale, resources);
}
