import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { useKioskApi } from '../hooks/kiosk-api-context';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';

type Outcome = { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'failed'; text: string } | null;

/**
 * The technician screen after unlock: the device overview (live, from the
 * flow's device states), what protects the data key (数据密钥保护), 打印测试小票, 立即同步 with their results, and 交还,
 * which locks the role again and returns to attract in service. Shows the
 * technician's own name only, never a citizen's data.
 */
export function TechnicianScreen() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const { snapshot, send } = useFlow();
  const { technician, devices, connectivity, pending, technicianKeyProtection } = snapshot.context;
  const ending = snapshot.matches('technicianEnding');
  const [print, setPrint] = useState<Outcome>(null);
  const [sync, setSync] = useState<Outcome>(null);

  const printTest = () => {
    setPrint({ kind: 'busy' });
    api.technician.printTestReceipt({}).then(
      (r) => setPrint(r.state === 'done' ? { kind: 'ok', text: t('technician.printDone') } : { kind: 'failed', text: t('technician.printFailed', { reason: r.reason ?? '' }) }),
      () => setPrint({ kind: 'failed', text: t('technician.actionFailed') }),
    );
  };
  const syncNow = () => {
    setSync({ kind: 'busy' });
    api.technician.syncNow({}).then(
      (r) =>
        setSync(
          r.reachable
            ? { kind: 'ok', text: t('technician.syncDone', { sent: r.sent, rejected: r.rejected }) }
            : { kind: 'failed', text: t('technician.syncUnreachable') },
        ),
      () => setSync({ kind: 'failed', text: t('technician.actionFailed') }),
    );
  };
  const list = Object.values(devices).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Screen name="technician" title={t('technician.title')}>
      {technician ? <p className="lead" data-testid="technician-name">{t('technician.signedIn', { name: technician.name })}</p> : null}
      <h2>{t('technician.devices')}</h2>
      <ul className="technician-devices" data-testid="technician-devices">
        {list.map((d) => (
          <li key={d.name} data-testid="technician-device" data-device={d.name} data-state={d.state}>
            <span>
              <Bdi>{d.name}</Bdi>
            </span>
            <span>
              {t(`technician.state.${d.state}`)}
              {d.paper ? ` · ${t(`technician.paper.${d.paper}`)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p data-testid="technician-link">{t(`technician.link.${connectivity}`, { pending })}</p>
      {technicianKeyProtection ? (
        <p data-testid="technician-key-protection" data-protection={technicianKeyProtection}>
          {t('technician.keyProtection', { protection: t(`technician.protection.${technicianKeyProtection}`) })}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-print-test" disabled={print?.kind === 'busy' || ending} onClick={printTest}>
          {t('technician.printTest')}
        </button>
        <button type="button" className="btn btn-primary btn-large" data-testid="technician-sync" disabled={sync?.kind === 'busy' || ending} onClick={syncNow}>
          {t('technician.syncNow')}
        </button>
      </div>
      <div role="status" data-testid="technician-results">
        {print && print.kind !== 'busy' ? <p data-testid="technician-print-result" data-outcome={print.kind}>{print.text}</p> : null}
        {sync && sync.kind !== 'busy' ? <p data-testid="technician-sync-result" data-outcome={sync.kind}>{sync.text}</p> : null}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="technician-hand-back" disabled={ending} onClick={() => send({ type: 'HAND_BACK' })}>
          {t('technician.handBack')}
        </button>
      </div>
    </Screen>
  );
}
