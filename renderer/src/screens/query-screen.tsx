import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { isReceiptPrinterReady } from '../flow/selectors';
import { Bdi } from '../ui/bdi';
import { ErrorNote } from '../ui/error-note';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';

const EXPLAINED = new Set(['platform-unreachable', 'internal']);

/** While the platform is asked, or why it could not answer (RETRY, back to the guide, home). */
function Asking() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { error, service } = snapshot.context;
  if (!snapshot.matches({ session: { querying: 'failed' } })) {
    return (
      <Screen name="query" title={service?.name ?? t('query.asking')}>
        <div className="spinner" role="progressbar" aria-label={t('query.asking')} data-testid="query-asking" />
        <p className="lead">{t('query.asking')}</p>
      </Screen>
    );
  }
  return (
    <Screen name="query" title={t('query.failed')}>
      <p className="note note-error" role="alert" data-testid="query-failed" data-code={error ?? ''}>
        {t(`query.failedBody.${error && EXPLAINED.has(error) ? error : 'other'}`)}
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="query-retry" onClick={() => send({ type: 'RETRY' })}>
          {t('common.retry')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="query-home" onClick={() => send({ type: 'HOME' })}>
          {t('common.home')}
        </button>
      </div>
    </Screen>
  );
}

/**
 * The answer of a query item on the public screen: identifiers shortened and
 * amounts hidden until the person taps 显示 (hidden again by a second tap,
 * a dialog, or leaving); printed on the receipt printer on request; nothing
 * is submitted.
 */
export function QueryScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { query, queryRevealed, printJob, devices, error } = snapshot.context;
  if (!snapshot.matches({ session: 'queryResult' }) || !query) return <Asking />;
  const shown = queryRevealed ?? query;
  const revealing = snapshot.matches({ session: { queryResult: 'revealing' } });
  const starting = snapshot.matches({ session: { queryResult: 'printing' } });
  const printState = printJob?.state ?? null;
  const printBusy = starting || printState === 'queued' || printState === 'printing';
  const anyMasked = query.sections.some((s) => s.rows.some((r) => r.masked));
  return (
    <Screen name="query" title={query.title}>
      <ErrorNote code={error} />
      {anyMasked ? (
        <div className="review">
          <p className={queryRevealed ? 'note note-warn' : 'note'}>{queryRevealed ? t('query.revealHint') : t('query.maskedHint')}</p>
          <button
            type="button"
            className="btn btn-secondary btn-large"
            data-testid="reveal-toggle"
            aria-pressed={queryRevealed !== null}
            disabled={revealing}
            onClick={() => send({ type: 'REVEAL_TOGGLE' })}
          >
            <Icon name="eye" size={32} />
            <span>{queryRevealed ? t('confirm.hide') : t('confirm.show')}</span>
          </button>
        </div>
      ) : null}
      {printState ? (
        <p className={`print-state print-${printState}`} data-testid="print-state" data-state={printState} role="status">
          {printState === 'done' ? t('query.printed') : printState === 'failed' ? t('query.printFailed') : t('query.printing')}
        </p>
      ) : null}
      <div className="actions">
        {printState === 'done' ? null : (
          <button
            type="button"
            className="btn btn-secondary btn-large"
            data-testid="query-print"
            disabled={printBusy || !isReceiptPrinterReady(devices)}
            onClick={() => send({ type: printState === 'failed' ? 'REPRINT' : 'PRINT_QUERY' })}
          >
            <Icon name="print" size={32} />
            <span>{printState === 'failed' ? t('query.reprint') : t('query.print')}</span>
          </button>
        )}
        <button type="button" className="btn btn-primary btn-huge" data-testid="query-done" disabled={printBusy} onClick={() => send({ type: 'CONTINUE' })}>
          {t('query.done')}
        </button>
      </div>
      {shown.sections.map((section, n) => (
        <section key={n} className="review" aria-labelledby={`query-section-${n}`} data-testid="query-section">
          <h2 id={`query-section-${n}`}>{section.heading}</h2>
          <dl className="facts">
            {section.rows.map((row, m) => (
              <div key={m}>
                <dt>{row.label}</dt>
                <dd>
                  <Bdi testId="query-value">
                    <span data-label={row.label} data-masked={row.masked ? 'true' : 'false'}>
                      {row.value}
                    </span>
                  </Bdi>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="note">{shown.note}</p>
    </Screen>
  );
}
