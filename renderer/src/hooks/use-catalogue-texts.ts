import { CatalogueTexts } from '../i18n/catalogue-text';
import { usePreferences } from './preferences';

/**
 * Catalogue text in the person's current language for this render: a fresh
 * {@link CatalogueTexts} each time, so its `chineseOnly` covers exactly what
 * this render shows. Localise everything first, then render the notice.
 */
export function useCatalogueTexts(): CatalogueTexts {
  return new CatalogueTexts(usePreferences().locale);
}
