import { useTranslation } from '../i18n/use-translation';

/** Asks before ending the session; "keep going" is the default, safe choice. */
export function CancelDialog({ open, onConfirm, onKeep }: { open: boolean; onConfirm(): void; onKeep(): void }) {
  const { t } = useTranslation();
  if (!open) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-body">
      <div className="dialog">
        <h2 id="cancel-title">{t('cancelDialog.title')}</h2>
        <p id="cancel-body">{t('cancelDialog.body')}</p>
        <div className="actions">
          <button type="button" className="btn btn-primary btn-large" data-testid="cancel-keep" onClick={onKeep} autoFocus>
            {t('cancelDialog.keep')}
          </button>
          <button type="button" className="btn btn-secondary btn-large" data-testid="cancel-confirm" onClick={onConfirm}>
            {t('cancelDialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
