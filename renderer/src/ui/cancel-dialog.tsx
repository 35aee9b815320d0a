import { useTranslation } from '../i18n/use-translation';
import { Bdi } from './bdi';

/**
 * Asks before ending the session; "keep going" is the default, safe choice.
 * Before a submission it says that nothing entered is kept; once something is
 * submitted (`kept`: its receipt numbers) it offers to finish instead and says
 * what stays saved.
 */
export function CancelDialog({ open, kept = [], onConfirm, onKeep }: { open: boolean; kept?: readonly string[]; onConfirm(): void; onKeep(): void }) {
  const { t } = useTranslation();
  if (!open) return null;
  const finish = kept.length > 0;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="cancel-title" aria-describedby="cancel-body" data-testid="cancel-dialog" data-finish={finish}>
      <div className="dialog">
        <h2 id="cancel-title">{finish ? t('cancelDialog.finishTitle') : t('cancelDialog.title')}</h2>
        {finish ? (
          <div id="cancel-body">
            <p>{t('cancelDialog.finishBody')}</p>
            <ul className="kept-receipts">
              {kept.map((r) => (
                <li key={r}>
                  {t('result.receiptNumber')} <Bdi testId="kept-receipt">{r}</Bdi>
                </li>
              ))}
            </ul>
            <p>{t('cancelDialog.finishWipe')}</p>
          </div>
        ) : (
          <p id="cancel-body">{t('cancelDialog.body')}</p>
        )}
        <div className="actions">
          <button type="button" className="btn btn-primary btn-large" data-testid="cancel-keep" onClick={onKeep} autoFocus>
            {finish ? t('cancelDialog.finishKeep') : t('cancelDialog.keep')}
          </button>
          <button type="button" className="btn btn-secondary btn-large" data-testid="cancel-confirm" onClick={onConfirm}>
            {finish ? t('cancelDialog.finishConfirm') : t('cancelDialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
