import type { TechnicianA4Test, TechnicianCardTest, TechnicianScanTest } from '../../../../common/contract/technician-schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

/** Seconds the card and scan tests wait for a card or a code. */
const WAIT_SECONDS = 20;

/**
 * 设备测试: read a card (masked fields only), scan a code (its kind, length
 * and a masked form) and print the A4 test page through the spooler, each
 * with its result and time. The receipt test is on the overview.
 */
export function TechnicianDeviceTests() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [card, runCard] = useTechnicianCall<TechnicianCardTest>();
  const [scan, runScan] = useTechnicianCall<TechnicianScanTest>();
  const [a4, runA4] = useTechnicianCall<TechnicianA4Test>();
  return (
    <div data-testid="technician-section-tests">
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-test-card" disabled={card.kind === 'busy'} onClick={() => runCard(() => api.technician.testCard({ waitSeconds: WAIT_SECONDS }))}>
          {t('technician.tests.card')}
        </button>
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-test-scan" disabled={scan.kind === 'busy'} onClick={() => runScan(() => api.technician.testScan({ waitSeconds: WAIT_SECONDS }))}>
          {t('technician.tests.scan')}
        </button>
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-test-a4" disabled={a4.kind === 'busy'} onClick={() => runA4(() => api.technician.printTestA4({}))}>
          {t('technician.tests.a4')}
        </button>
      </div>
      <div role="status">
        {card.kind === 'busy' ? <p>{t('technician.tests.cardWaiting', { seconds: WAIT_SECONDS })}</p> : null}
        {card.kind === 'done' ? (
          <div data-testid="technician-card-result" data-outcome={card.value.state}>
            <p>{card.value.state === 'read' ? t('technician.tests.cardRead', { ms: card.value.elapsedMs }) : card.value.state === 'no-card' ? t('technician.tests.noCard') : t('technician.tests.failed', { reason: card.value.reason ?? '' })}</p>
            {card.value.fields.length > 0 ? (
              <ul className="technician-devices">
                {card.value.fields.map((f) => (
                  <li key={f.label}>
                    <span>{f.label}</span>
                    <Bdi>{f.value}</Bdi>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {scan.kind === 'busy' ? <p>{t('technician.tests.scanWaiting', { seconds: WAIT_SECONDS })}</p> : null}
        {scan.kind === 'done' ? (
          <p data-testid="technician-scan-result" data-outcome={scan.value.state} data-type={scan.value.payloadType ?? ''}>
            {scan.value.state === 'scanned' ? (
              <>
                {t('technician.tests.scanned', { type: t(`technician.payloadType.${scan.value.payloadType ?? 'text'}`), length: scan.value.length, ms: scan.value.elapsedMs })} <Bdi>{scan.value.masked}</Bdi>
              </>
            ) : scan.value.state === 'no-scan' ? (
              t('technician.tests.noScan')
            ) : (
              t('technician.tests.failed', { reason: scan.value.reason ?? '' })
            )}
          </p>
        ) : null}
        {a4.kind === 'done' ? (
          <p data-testid="technician-a4-result" data-outcome={a4.value.state}>
            {a4.value.state === 'done' ? t('technician.tests.a4Done', { job: a4.value.jobId ?? '', ms: a4.value.elapsedMs }) : t('technician.tests.a4Failed', { reason: a4.value.reason ?? '' })}
          </p>
        ) : null}
        {[card, scan, a4].some((s) => s.kind === 'error') ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </div>
  );
}
