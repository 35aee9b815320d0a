import type { NetworkTestResult } from '../../../../common/contract/technician-schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

/** 网络测试: DNS, TLS, platform time and a signed ping, each with its outcome, time and a technical detail. */
export function TechnicianNetwork() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [test, run] = useTechnicianCall<NetworkTestResult>();
  return (
    <div data-testid="technician-section-network">
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-network-run" disabled={test.kind === 'busy'} onClick={() => run(() => api.technician.networkTest({}))}>
          {test.kind === 'busy' ? t('technician.network.running') : t('technician.network.run')}
        </button>
      </div>
      <div role="status">
        {test.kind === 'done' ? (
          <ul className="technician-devices" data-testid="technician-network-steps">
            {test.value.steps.map((s) => (
              <li key={s.step} data-testid="technician-network-step" data-step={s.step} data-outcome={s.outcome}>
                <span>
                  {t(`technician.network.step.${s.step}`)}：{t(`technician.network.outcome.${s.outcome}`)} {t('technician.network.ms', { ms: s.ms })}
                </span>
                <Bdi>{s.detail}</Bdi>
              </li>
            ))}
          </ul>
        ) : null}
        {test.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </div>
  );
}
