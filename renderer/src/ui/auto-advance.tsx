import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';

/**
 * The visible countdown of a screen that moves on by itself after `ms`
 * milliseconds (the flow's timer): "N 秒后自动继续" beside the screen's 继续
 * button. In care mode the screen never moves on by itself, so it says to
 * press 继续 instead.
 */
export function AutoAdvance({ ms, care }: { ms: number; care: boolean }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  useEffect(() => {
    if (care) return undefined;
    const started = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((ms - (Date.now() - started)) / 1000))), 250);
    return () => clearInterval(timer);
  }, [ms, care]);
  return (
    <p className="auto-advance" data-testid="auto-advance" data-care={care} data-seconds={care ? undefined : left} aria-live="off">
      {care ? t('common.pressContinue') : t('common.autoContinue', { seconds: left })}
    </p>
  );
}
