import { useEffect } from 'react';
import type { LogLine, SiteConfigView } from '../../../../common/contract/technician-schemas';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

/** 站点配置与日志: the configuration without keys or tokens, and the latest log lines (time, level, part, event only). */
export function TechnicianSite() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [site, loadSite] = useTechnicianCall<SiteConfigView>();
  const [logs, loadLogs] = useTechnicianCall<LogLine[]>();
  useEffect(() => {
    loadSite(() => api.technician.siteConfig({}));
    loadLogs(() => api.technician.logs({ lines: 30 }));
  }, [api, loadSite, loadLogs]);
  const s = site.kind === 'done' ? site.value : null;
  const rows: Array<[string, string]> = s
    ? [
        [t('technician.site.siteName'), s.siteName],
        [t('technician.site.siteId'), s.siteId ?? '-'],
        [t('technician.site.deviceId'), s.deviceId],
        [t('technician.site.region'), s.region ?? '-'],
        [t('technician.site.platform'), s.platformUrl],
        [t('technician.site.locale'), s.defaultLocale],
        [t('technician.site.timeZone'), s.timeZone],
        [t('technician.site.idle'), `${s.idleTimeoutSeconds} / ${s.technicianIdleSeconds}`],
        ...s.devices.map((d): [string, string] => [t(`technician.role.${d.role}`), `${d.mode}${d.where ? ` ${d.where}` : ''}`]),
      ]
    : [];
  return (
    <div data-testid="technician-section-site">
      <ul className="technician-devices" data-testid="technician-site-config">
        {rows.map(([label, value]) => (
          <li key={label}>
            <span>{label}</span>
            <Bdi>{value}</Bdi>
          </li>
        ))}
      </ul>
      <h2>{t('technician.site.logs')}</h2>
      <ul className="technician-devices technician-logs" data-testid="technician-logs">
        {(logs.kind === 'done' ? logs.value : []).map((l, i) => (
          <li key={`${l.time}-${i}`}>
            <Bdi>{`${l.time.slice(11, 19)} ${l.level} ${l.part} ${l.event}`}</Bdi>
          </li>
        ))}
      </ul>
      {site.kind === 'error' || logs.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
    </div>
  );
}
