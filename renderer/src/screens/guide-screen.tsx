import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { isQueryService } from '../flow/query-flow';
import { isA4PrinterReady, isReceiptPrinterReady, isServiceAvailable } from '../flow/selectors';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { ErrorNote } from '../ui/error-note';
import { fenToYuan } from '../ui/format';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';
import { materialRoute } from '../../../common/domain/material-route';

/** The service guide in plain language; legal basis folded away. */
export function GuideScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { service, connectivity, devices, error } = snapshot.context;
  const texts = useCatalogueTexts();

  if (snapshot.matches({ session: { guide: 'failed' } })) {
    return (
      <Screen name="guide" title={t('guide.loadFailed')}>
        <ErrorNote code={error} />
        <button type="button" className="btn btn-primary btn-large" data-testid="guide-retry" onClick={() => send({ type: 'RETRY' })}>
          {t('common.retry')}
        </button>
      </Screen>
    );
  }
  if (!service) {
    return (
      <Screen name="guide">
        <p className="busy" role="status">
          {t('common.loading')}
        </p>
      </Screen>
    );
  }
  const available = isServiceAvailable(service, connectivity);
  const query = isQueryService(service);
  const printerWarning = !isReceiptPrinterReady(devices);
  const certificateWarning =
    service.output !== 'certificate' ? null : connectivity === 'offline' ? 'certificateOffline' : isA4PrinterReady(devices) ? null : 'certificatePrinter';
  const g = texts.guide(service);
  return (
    <Screen name="guide" title={g.name}>
      {/* Told first, before the guide and before anything is filled in. */}
      {available ? null : (
        <p className="note note-warn" data-testid="needs-network" data-kind={query ? 'query' : 'application'} role="status">
          {t(query ? 'guide.queryNeedsNetwork' : 'guide.needsNetwork')}
        </p>
      )}
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <p className="lead">{g.summary}</p>
      {printerWarning ? (
        <p className="note note-warn" data-testid="printer-warning" role="status">
          <Icon name="warn" size={32} />
          <span>{t('guide.printerWarning')}</span>
        </p>
      ) : null}
      {certificateWarning ? (
        <p className="note note-warn" data-testid="certificate-warning" data-reason={certificateWarning} role="status">
          <Icon name="warn" size={32} />
          <span>{t(`guide.${certificateWarning}`)}</span>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('guide.whoCanApply')}</dt>
          <dd>{g.whoCanApply}</dd>
        </div>
        <div>
          <dt>{t('guide.fee')}</dt>
          <dd data-testid="guide-fee">{service.feeFen > 0 ? t('common.yuan', { amount: fenToYuan(service.feeFen) }) : t('common.free')}</dd>
        </div>
        <div>
          <dt>{t('guide.timeLimit')}</dt>
          <dd>{g.timeLimit}</dd>
        </div>
        <div>
          <dt>{t('guide.resultDelivery')}</dt>
          <dd>{g.resultDelivery}</dd>
        </div>
      </dl>
      <h2>{t('guide.materials')}</h2>
      <ul className="materials" role="list">
        {g.materials.map((m) => (
          <li key={m.id} className="material">
            <span className="material-name">{m.name}</span>
            <span className={`badge ${m.required ? 'badge-required' : ''}`}>{m.required ? t('guide.required') : t('guide.optional')}</span>
            {m.electronic ? <span className="material-note">{t('guide.electronic')}</span> : null}
            {materialRoute(m) === 'window' ? (
              <span className="material-note" data-testid={`guide-at-window-${m.id}`}>
                {t('guide.atWindow')}
              </span>
            ) : null}
            {m.note ? <span className="material-note">{m.note}</span> : null}
          </li>
        ))}
      </ul>
      <details className="legal">
        <summary>{t('guide.legalBasis')}</summary>
        <p>{g.legalBasis}</p>
      </details>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="start-application"
          disabled={!available}
          onClick={() => send({ type: 'START_APPLICATION' })}
        >
          {t(query ? 'guide.queryStart' : 'guide.start')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
