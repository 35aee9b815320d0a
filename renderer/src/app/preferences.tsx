import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Holds {@link Preferences}; `defaultLocale` comes from `system.info()`. */
export function PreferencesProvider({ defaultLocale, children }: { defaultLocale: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  const [care, setCare] = useState(false);
  const [muted, setMuted] = useState(false);
  const [locale, setLocaleState] = useState<Locale>(toLocale(defaultLocale));
  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  const reset = useCallback(() => {
    setCare(false);
    setMuted(false);
    setLocale(toLocale(defaultLocale));
  }, [defaultLocale, setLocale]);
  const value = useMemo(() => ({ care, locale, muted, setCare, setLocale, setMuted, reset }), [care, locale, muted, setLocale, reset]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

/** The current {@link Preferences}; throws outside {@link PreferencesProvider}. */
export function usePreferences(): Preferences {
  const prefs = useContext(PreferencesContext);
  if (!prefs) throw new Error('usePreferences outside PreferencesProvider');
  return prefs;
}
