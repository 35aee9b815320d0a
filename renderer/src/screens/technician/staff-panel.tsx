import type { ServiceState } from '../../../../common/contract/schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { useTechnicianCall } from './use-technician-call';

/**
 * What a partner site's staff see after unlocking with a staff credential:
 * 暂停服务 and 恢复服务 (the terminal's service state, kept across restarts).
 * Vouching and reprinting for the person present belong to a citizen's
 * session and are called there; no technician section is offered (the core
 * refuses them to this role).
 */
export function StaffPanel() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [change, run] = useTechnicianCall<ServiceState>();
  return (
    <div data-testid="staff-panel">
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="staff-take-out" disabled={change.kind === 'busy'} onClick={() => run(() => api.staff.takeOutOfService({}))}>
          {t('technician.staff.takeOut')}
        </button>
        <button type="button" className="btn btn-primary btn-large" data-testid="staff-back-in" disabled={change.kind === 'busy'} onClick={() => run(() => api.staff.backIntoService({}))}>
          {t('technician.staff.backIn')}
        </button>
      </div>
      <div role="status">
        {change.kind === 'done' ? (
          <p data-testid="staff-service-state" data-in-service={String(change.value.inService)}>
            {change.value.inService ? t('technician.staff.inService') : t('technician.staff.outOfService')}
          </p>
        ) : null}
        {change.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </div>
  );
}
