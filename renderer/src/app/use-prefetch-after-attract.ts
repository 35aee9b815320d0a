import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { ScreenName } from '../flow/screen-of';
import { ensureLocale } from '../i18n/i18n';
import { LOCALES } from '../i18n/locales';
import { prefetchScreens } from './screen-view';

/**
 * Once the attract screen is first shown, loads what start-up left out: the
 * screens after welcome and the other locales. By the time a card is placed
 * or a language tapped they are in, so no step waits for a chunk. Failures
 * are ignored here (the screen or the switch loads it again when needed).
 */
export function usePrefetchAfterAttract(screen: ScreenName): void {
  const { i18n } = useTranslation();
  const attract = screen === 'attract';
  useEffect(() => {
    if (!attract) return;
    const timer = setTimeout(() => {
      void prefetchScreens();
      for (const locale of LOCALES) ensureLocale(i18n, locale).catch(() => undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, [attract, i18n]);
}
