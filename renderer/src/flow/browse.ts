/**
 * The categories of the attract screen's tiles and the search text each opens
 * the home screen with (the catalogue is searched in Chinese, whatever the
 * screen's language). Browsing a category and reading guides needs no
 * identification; starting an application asks for it first.
 */
export const BROWSE_CATEGORIES = {
  social: '社保',
  household: '户口',
  family: '生育',
  elderly: '养老',
  business: '营业执照',
  print: '证明',
} as const;

/** One tile's category. */
export type BrowseCategory = keyof typeof BROWSE_CATEGORIES;

/** The search text of a category, or null for an unknown one. */
export function browseQueryOf(category: string): string | null {
  return Object.hasOwn(BROWSE_CATEGORIES, category) ? BROWSE_CATEGORIES[category as BrowseCategory] : null;
}
