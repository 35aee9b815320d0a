/**
 * The reference platform's text of one catalogue language besides Chinese.
 * `phrases` translates short texts by their exact Chinese wording wherever
 * they occur (departments, categories, form labels, options, material names
 * and notes, time limits, shared guide sentences, life-event names);
 * `items` holds each well-known item's own texts, keyed by its Chinese name.
 * A Chinese text found in neither is left untranslated (absent from the
 * item's `i18n`), as a real platform without that translation would.
 */
export interface LocaleTexts {
  phrases: Readonly<Record<string, string>>;
  items: Readonly<Record<string, ItemOwnTexts>>;
}

/** The texts that belong to one well-known item alone. */
export interface ItemOwnTexts {
  name: string;
  summary: string;
  who: string;
  legalBasis: string;
}
