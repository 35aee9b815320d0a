import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { ensureLocale, hasLocale } from '../i18n/i18n';
import { toLocale, type Locale } from '../i18n/locales';

/**
 * Per-person display preferences. Held in memory only (never in storage) and
 * reset when a session ends, so the next person starts from the defaults.
 */
export interface Preferences {
  care: boolean;
  locale: Locale;
  muted: boolean;
  setCare(on: boolean): void;
  setLocale(locale: Locale): void;
  setMuted(muted: boolean): void;
  /** Back to the site defaults. */
  reset(): void;
}

const PreferencesContext = createContext<Preferences | null>(null);

/** Holds {@link Preferences}; `defaultLocale` comes from `system.info()` (a change resets to it). */
export function PreferencesProvider({ defaultLocale, children }: { defaultLocale: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  // Refs keep setLocale/reset stable: effects that depend on them must not re-run on every render.
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const defaultRef = useRef(defaultLocale);
  defaultRef.current = defaultLocale;
  const [care, setCare] = useState(false);
  const [muted, setMuted] = useState(false);
  const [locale, setLocaleState] = useState<Locale>(toLocale(defaultLocale));
  // Each switch takes a number; a locale that finishes loading after a later switch is not applied.
  const switchSeq = useRef(0);
  const setLocale = useCallback((next: Locale) => {
    const seq = ++switchSeq.current;
    const apply = () => {
      setLocaleState(next);
      void i18nRef.current.changeLanguage(next);
    };
    // Loaded (always zh-CN, the others once prefetched after attract): switch at once, as before.
    if (hasLocale(i18nRef.current, next)) return apply();
    // Not loaded yet: text, language and direction change together once it is.
    ensureLocale(i18nRef.current, next).then(
      () => {
        if (seq === switchSeq.current) apply();
      },
      () => undefined,
    );
  }, []);
  const reset = useCallback(() => {
    setCare(false);
    setMuted(false);
    setLocale(toLocale(defaultRef.current));
  }, [setLocale]);
  useEffect(() => reset(), [defaultLocale, reset]);
  const value = useMemo(() => ({ care, locale, muted, setCare, setLocale, setMuted, reset }), [care, locale, muted, setLocale, reset]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

/** The current {@link Preferences}; throws outside {@link PreferencesProvider}. */
export function usePreferences(): Preferences {
  const prefs = useContext(PreferencesContext);
  if (!prefs) throw new Error('usePreferences outside PreferencesProvider');
  return prefs;
}
