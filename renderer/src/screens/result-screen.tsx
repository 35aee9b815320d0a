import { useTranslation } from 'react-i18next';
import { useFlow } from '../app/flow-context';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';

/** Submitted (delivered) or saved for later (queued), with the receipt number. */
export function ResultScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const result = snapshot.context.result;
  if (!result) return <Screen name="result">{null}</Screen>;
  const queued = result.status === 'queued';
  return (
    <Screen name="result">
      <div className={`result result-${result.status}`}>
        <Icon name={queued ? 'shield' : 'check'} size={120} />
        <h1 className="screen-title" data-testid="result-status" data-status={result.status}>
          {queued ? t('result.queued') : t('result.delivered')}
        </h1>
        <p className="lead">{queued ? t('result.queuedBody') : t('result.deliveredBody')}</p>
        <p className="receipt">
          <span>{t('result.receiptNumber')}</span>
          <strong data-testid="receipt-number">{result.receiptNumber}</strong>
        </p>
      </div>
      <button type="button" className="btn btn-primary btn-huge" data-testid="result-continue" onClick={() => send({ type: 'CONTINUE' })}>
        {t('result.continue')}
      </button>
    </Screen>
  );
}
