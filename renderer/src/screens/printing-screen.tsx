import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { Icon } from '../ui/icons';
import { AutoAdvance } from '../ui/auto-advance';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';

const KNOWN_REASONS = new Set(['paper-out', 'cover-open', 'offline']);

/** Receipt printing with progress; a failure is explained with reprint and skip (never a dead end). */
export function PrintingScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { printJob, result } = snapshot.context;
  const state = printJob?.state ?? 'queued';
  const reason = printJob?.reason && KNOWN_REASONS.has(printJob.reason) ? printJob.reason : 'unknown';
  const busy = snapshot.matches({ session: { printing: 'starting' } });
  return (
    <Screen name="printing" title={t('printing.title')}>
      <Icon name="print" size={120} />
      <p className={`print-state print-${state}`} data-testid="print-state" data-state={state} role="status">
        {t(`printing.state.${state}`)}
      </p>
      <progress max={1} value={printJob?.progress ?? 0} aria-label={t('printing.title')} />
      {state === 'failed' ? (
        <div className="print-failure">
          <p className="note note-error" data-testid="print-reason" data-reason={reason}>
            {t(`printing.reason.${reason}`)}
          </p>
          <p className="note">{t('printing.advice')}</p>
          {result ? (
            <p className="receipt">
              <span>{t('result.receiptNumber')}</span>
              <strong>
                <Bdi>{result.receiptNumber}</Bdi>
              </strong>
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="btn btn-primary btn-large" data-testid="reprint-button" disabled={busy} onClick={() => send({ type: 'REPRINT' })}>
              {t('printing.reprint')}
            </button>
            <button type="button" className="btn btn-secondary btn-large" data-testid="print-skip" onClick={() => send({ type: 'SKIP_PRINT' })}>
              {t('printing.skip')}
            </button>
          </div>
        </div>
      ) : null}
      {state === 'done' && printJob?.reason === 'unconfirmed' ? (
        <p className="note" data-testid="print-unconfirmed">
          {t('printing.unconfirmed')}
        </p>
      ) : null}
      {state === 'done' ? (
        <>
          <button type="button" className="btn btn-primary btn-huge" data-testid="print-continue" onClick={() => send({ type: 'CONTINUE' })}>
            {t('printing.continue')}
          </button>
          <AutoAdvance ms={snapshot.context.timing.printDoneMs} care={snapshot.context.care} />
        </>
      ) : null}
    </Screen>
  );
}
