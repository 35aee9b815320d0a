import { useTranslation } from '../i18n/use-translation';

/** The visible idle countdown with "continue"; renders nothing when `secondsLeft` is null. */
export function IdleOverlay({ secondsLeft, onContinue }: { secondsLeft: number | null; onContinue(): void }) {
  const { t } = useTranslation();
  if (secondsLeft === null) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p className="countdown" data-testid="idle-countdown" data-seconds={secondsLeft} aria-live="assertive">
          {secondsLeft}
        </p>
        <p id="idle-body">{t('idle.body', { seconds: secondsLeft })}</p>
        <button type="button" className="btn btn-primary btn-large" data-testid="idle-continue" onClick={onContinue} autoFocus>
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
