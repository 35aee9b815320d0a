import type { Locale, Resources } from './locales';

/** Values for `{{name}}` placeholders. */
export type TranslationValues = Record<string, string | number | boolean | null | undefined>;

/** Looks a dotted key (`attract.start`) up in nested resources; undefined unless it names a string. */
function lookup(resources: Resources | undefined, key: string): string | undefined {
  let node: unknown = resources;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Replaces `{{name}}` (spaces allowed inside the braces) with `values.name`; a missing value becomes ''. No HTML escaping: React escapes. */
function interpolate(text: string, values: TranslationValues | undefined): string {
  if (!values || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

/**
 * The kiosk's translations: one resource tree per locale, a current
 * language, and `t(key, values)`. What the kiosk used of i18next (nested
 * keys, `{{name}}` interpolation, one fallback language, resources added
 * when a locale chunk arrives), in a few hundred bytes instead of ~55 kB
 * of start-up code.
 *
 * Lookup order: the current language, then the fallback (zh-CN); a key
 * found in neither (or naming a subtree, not a string) returns the key
 * itself, so a gap shows up on screen and in tests instead of as blank text.
 */
export class Translator {
  private readonly bundles = new Map<string, Resources>();
  private readonly listeners = new Set<() => void>();
  private current: string;
  private rev = 0;

  /** `fallback` is the default language and the one every lookup falls back to; its resources are `reference`. */
  constructor(
    private readonly fallback: Locale,
    reference: Resources,
  ) {
    this.bundles.set(fallback, reference);
    this.current = fallback;
  }

  /** The current language. */
  get language(): string {
    return this.current;
  }

  /** The text of `key` in the current language (see the class comment for fallbacks), with `{{name}}` placeholders filled from `values`. */
  t = (key: string, values?: TranslationValues): string => {
    const text = lookup(this.bundles.get(this.current), key) ?? lookup(this.bundles.get(this.fallback), key) ?? key;
    return interpolate(text, values);
  };

  /** True when `key` names a string in the current language or the fallback. */
  exists(key: string): boolean {
    return (lookup(this.bundles.get(this.current), key) ?? lookup(this.bundles.get(this.fallback), key)) !== undefined;
  }

  /** True when `language`'s resources are loaded. */
  hasResourceBundle(language: string): boolean {
    return this.bundles.has(language);
  }

  /** Adds (or replaces) `language`'s resources; listeners are told, since text in that language may change. */
  addResourceBundle(language: string, resources: Resources): void {
    this.bundles.set(language, resources);
    if (language === this.current) this.notify();
  }

  /**
   * Switches the language (a language without resources shows the fallback's
   * text until they are added). Resolves at once; async only for the shape
   * callers know from i18next.
   */
  changeLanguage(language: string): Promise<void> {
    if (language !== this.current) {
      this.current = language;
      this.notify();
    }
    return Promise.resolve();
  }

  /** Calls `listener` after every change of language or of the current language's resources; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A number that changes on every notified change (for `useSyncExternalStore`). */
  get revision(): number {
    return this.rev;
  }

  private notify(): void {
    this.rev += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
