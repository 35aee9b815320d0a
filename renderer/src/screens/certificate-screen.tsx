import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { certificateProgress } from '../flow/dues';
import { stepOf } from '../flow/screen-of';
import { Icon } from '../ui/icons';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';
import { DueItem } from './due-item';

const REASONS: ReadonlySet<string> = new Set(['network-offline', 'not-accepted', 'printer-offline', 'paper-out', 'not-certificate', 'unknown']);

/**
 * The certificate / e-licence on A4 (items whose output is a certificate),
 * after the receipt: offer, progress from `printer.onJobChanged`, and every
 * failure explained with the way to get it later. Skip is always there. A
 * life-event bundle offers each delivered certificate item in turn, named
 * with its place.
 */
export function CertificateScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { certificateJob, certificateFailure, result, bundle } = snapshot.context;
  const progress = certificateProgress(snapshot.context);
  const receiptNumber = progress.current?.receiptNumber ?? result?.receiptNumber ?? null;
  const step = stepOf(snapshot) ?? 'offer';
  const state = step === 'offer' ? 'offer' : step === 'done' ? 'done' : step === 'failed' ? 'failed' : 'printing';
  const reason = certificateFailure && REASONS.has(certificateFailure) ? certificateFailure : 'unknown';
  return (
    <Screen name="certificate" title={t('certificate.title')}>
      <Icon name="print" size={120} />
      <DueItem progress={progress} inBundle={bundle !== null} />
      <p className={`print-state print-${state === 'failed' ? 'failed' : 'ok'}`} data-testid="certificate-state" data-state={state} role="status">
        {t(`certificate.state.${state}`)}
      </p>
      {state === 'offer' ? <p className="lead">{t('certificate.offer')}</p> : null}
      {state === 'printing' ? <progress max={1} value={certificateJob?.progress ?? 0} aria-label={t('certificate.state.printing')} /> : null}
      {state === 'failed' ? (
        <div className="print-failure">
          <p className="note note-error" data-testid="certificate-reason" data-reason={reason}>
            {t(`certificate.reason.${reason}`)}
          </p>
          <p className="note">{t('certificate.advice')}</p>
        </div>
      ) : null}
      {(state === 'failed' || state === 'offer') && receiptNumber ? (
        <p className="receipt">
          <span>{t('result.receiptNumber')}</span>
          <strong>
            <Bdi>{receiptNumber}</Bdi>
          </strong>
        </p>
      ) : null}
      <div className="actions">
        {state === 'offer' ? (
          <button type="button" className="btn btn-primary btn-huge" data-testid="certificate-print" onClick={() => send({ type: 'PRINT_CERTIFICATE' })}>
            {t('certificate.print')}
          </button>
        ) : null}
        {state === 'failed' && reason !== 'not-certificate' ? (
          <button type="button" className="btn btn-primary btn-large" data-testid="certificate-retry" onClick={() => send({ type: 'RETRY' })}>
            {t('certificate.retry')}
          </button>
        ) : null}
        {state === 'done' ? (
          <button type="button" className="btn btn-primary btn-huge" data-testid="certificate-continue" onClick={() => send({ type: 'CONTINUE' })}>
            {t('certificate.continue')}
          </button>
        ) : null}
        {state === 'offer' || state === 'failed' ? (
          <button type="button" className="btn btn-secondary btn-large" data-testid="certificate-skip" onClick={() => send({ type: 'SKIP_CERTIFICATE' })}>
            {t('certificate.skip')}
          </button>
        ) : null}
      </div>
    </Screen>
  );
}
