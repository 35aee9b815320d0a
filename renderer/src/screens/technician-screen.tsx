import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { useKioskApi } from '../hooks/kiosk-api-context';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';
import { TechnicianAssign } from './technician/technician-assign';
import { TechnicianDeviceTests } from './technician/technician-device-tests';
import { TechnicianEnrol } from './technician/technician-enrol';
import { TechnicianNetwork } from './technician/technician-network';
import { TechnicianQueue } from './technician/technician-queue';
import { TechnicianReprint } from './technician/technician-reprint';
import { TechnicianSite } from './technician/technician-site';
import { StaffPanel } from './technician/staff-panel';

type Outcome = { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'failed'; text: string } | null;

/** The technician screen's sections, in the order of its section buttons. */
const SECTIONS = ['overview', 'tests', 'assign', 'queue', 'reprint', 'network', 'enrol', 'site'] as const;
type Section = (typeof SECTIONS)[number];

type Preview = NonNullable<Awaited<ReturnType<ReturnType<typeof useKioskApi>['technician']['printTestReceipt']>>['preview']>;

/**
 * The technician screen after unlock: section buttons (概况, 设备测试,
 * 设备分配, 待处理, 补打小票, 网络测试, 终端开通, 站点与日志); the overview
 * is the device overview (live, from the flow's device states), what
 * protects the data key (数据密钥保护), 打印测试小票 with its preview and
 * 立即同步 with their results; 交还 stays below every section,
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
  const [preview, setPreview] = useState<Preview | null>(null);
  const [section, setSection] = useState<Section>('overview');

  const printTest = () => {
    setPrint({ kind: 'busy' });
    api.technician.printTestReceipt({}).then(
      (r) => (setPreview(r.preview ?? null), setPrint(r.state === 'done' ? { kind: 'ok', text: t('technician.printDone') } : { kind: 'failed', text: t('technician.printFailed', { reason: r.reason ?? '' }) })),
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
      {technician ? <p className="lead" data-testid="technician-name">{t(technician.role === 'staff' ? 'technician.staff.signedIn' : 'technician.signedIn', { name: technician.name })}</p> : null}
      {technician?.role === 'staff' ? <StaffPanel /> : null}
      {technician?.role === 'staff' ? null : (
        <>
          <nav className="actions technician-sections" aria-label={t('technician.sectionsLabel')}>
            {SECTIONS.map((name) => (
              <button key={name} type="button" className="btn btn-secondary" data-testid={`technician-open-${name}`} aria-pressed={section === name} disabled={ending} onClick={() => setSection(name)}>
                {t(`technician.section.${name}`)}
              </button>
            ))}
          </nav>
          {section === 'tests' ? <TechnicianDeviceTests /> : null}
          {section === 'assign' ? <TechnicianAssign /> : null}
          {section === 'queue' ? <TechnicianQueue /> : null}
          {section === 'reprint' ? <TechnicianReprint /> : null}
          {section === 'network' ? <TechnicianNetwork /> : null}
          {section === 'enrol' ? <TechnicianEnrol /> : null}
          {section === 'site' ? <TechnicianSite /> : null}
          {section === 'overview' ? (
            <>
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
              {preview ? (
                <figure className="technician-preview" data-testid="technician-receipt-preview">
                  <figcaption>{t('technician.preview')}</figcaption>
                  <p>{preview.title}</p>
                  <ul className="technician-devices">
                    {preview.lines.map((l) => (
                      <li key={l.label}>
                        <span>{l.label}</span>
                        <Bdi>{l.value}</Bdi>
                      </li>
                    ))}
                  </ul>
                  {preview.footer ? <p>{preview.footer}</p> : null}
                </figure>
              ) : null}
            </>
          ) : null}
        </>
      )}
      <div className="actions">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="technician-hand-back" disabled={ending} onClick={() => send({ type: 'HAND_BACK' })}>
          {t('technician.handBack')}
        </button>
      </div>
    </Screen>
  );
}
