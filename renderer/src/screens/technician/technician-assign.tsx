import { useEffect } from 'react';
import type { DeviceRole, DiscoveredDevices } from '../../../../common/contract/technician-schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

const ROLES: DeviceRole[] = ['idcard', 'receiptPrinter', 'scanner'];

type AssignAnswer = Awaited<ReturnType<ReturnType<typeof useKioskApi>['technician']['assignDevice']>>;

/**
 * 设备分配: the serial ports (and HID devices) the system lists now; a port
 * can be made the ID card reader, the receipt printer or the scanner. The
 * assignment is kept on the terminal and applies at the next start.
 */
export function TechnicianAssign() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [listed, list] = useTechnicianCall<DiscoveredDevices>();
  const [assigned, assign] = useTechnicianCall<AssignAnswer>();
  useEffect(() => list(() => api.technician.discoverDevices({})), [api, list]);
  useEffect(() => {
    if (assigned.kind === 'done') list(() => api.technician.discoverDevices({}));
  }, [assigned, api, list]);
  const found = listed.kind === 'done' ? listed.value : null;
  return (
    <div data-testid="technician-section-assign">
      {listed.kind === 'busy' && !found ? <p>{t('technician.assign.listing')}</p> : null}
      {found && found.serial.length === 0 ? <p data-testid="technician-no-serial">{t('technician.assign.none')}</p> : null}
      {found ? (
        <ul className="technician-devices" data-testid="technician-serial-ports">
          {found.serial.map((p) => (
            <li key={p.path} data-testid="technician-serial-port" data-path={p.path}>
              <span>
                <Bdi>{p.path}</Bdi> {p.vendorId ? <Bdi>{`${p.vendorId}:${p.productId ?? ''}`}</Bdi> : null} {p.manufacturer ?? ''}
              </span>
              <span className="actions">
                {ROLES.map((role) => (
                  <button key={role} type="button" className="btn btn-secondary" data-testid={`technician-assign-${role}`} disabled={assigned.kind === 'busy'} onClick={() => assign(() => api.technician.assignDevice({ role, path: p.path }))}>
                    {t('technician.assign.as', { role: t(`technician.role.${role}`) })}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {found && found.hid.length > 0 ? (
        <p>
          {t('technician.assign.hid')}{' '}
          {found.hid.map((d) => (
            <Bdi key={`${d.vendorId}:${d.productId}`}>{`${d.vendorId}:${d.productId} `}</Bdi>
          ))}
        </p>
      ) : null}
      <div role="status">
        {assigned.kind === 'done' ? (
          <p data-testid="technician-assign-result" data-outcome={assigned.value.ok ? 'ok' : 'failed'}>
            {assigned.value.ok ? t('technician.assign.done', { role: t(`technician.role.${assigned.value.assignment.role}`), port: assigned.value.assignment.port }) : t('technician.assign.notListed')}
          </p>
        ) : null}
        {assigned.kind === 'error' || listed.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
      {found && found.assignments.length > 0 ? (
        <ul className="technician-devices" data-testid="technician-assignments">
          {found.assignments.map((a) => (
            <li key={a.role} data-role={a.role}>
              <span>{t(`technician.role.${a.role}`)}</span>
              <Bdi>{a.port}</Bdi>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
