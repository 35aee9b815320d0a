import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { TranslationValues, Translator } from './translator';

const TranslatorContext = createContext<Translator | null>(null);

/** Makes `translator` available to {@link useTranslation} below it. */
export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

/** What {@link useTranslation} returns: `t` for the current language and the translator itself as `i18n`. */
export interface UseTranslation {
  t(key: string, values?: TranslationValues): string;
  i18n: Translator;
}

/**
 * The current translations. The component re-renders when the language (or
 * the current language's resources) changes, and `t` is then a new function,
 * so memoised children that take it re-render too. Throws outside
 * {@link TranslatorProvider}.
 */
export function useTranslation(): UseTranslation {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error('useTranslation outside TranslatorProvider');
  const revision = useSyncExternalStore(
    (listener) => translator.subscribe(listener),
    () => translator.revision,
    () => translator.revision,
  );
  return useMemo(
    () => ({ t: (key: string, values?: TranslationValues) => translator.t(key, values), i18n: translator }),
    // `revision` is the point: a new `t` after every language or resource change.
    [translator, revision],
  );
}
