import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { SystemInfo } from '../../../common/contract/schemas';
import { DEFAULT_SITE_NAME } from '../../../common/contract/site-name';
import { usePreferences } from '../hooks/preferences';
import { useFlow } from '../hooks/flow-context';
import { useKioskApi } from '../hooks/kiosk-api-context';

type StaffCall = 'none' | 'calling' | 'done' | 'failed';

/**
 * Site name, partner logo, opening hours and the staff-assist entry from the
 * site theme. Staff assist calls `system.requestStaff` with the current screen
 * name (no personal data) and confirms in a clear panel saying what happens
 * next (who comes, what to do meanwhile, that nothing is lost); a failure says
 * so and can be retried.
 * The confirmation resets when the screen changes to attract.
 */
export function TopBar({ system, screen }: { system: SystemInfo | null; screen: string }) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [call, setCall] = useState<StaffCall>('none');
  const [dismissed, setDismissed] = useState(false);
  const { send } = useFlow();
  const theme = system?.theme;
  const { locale } = usePreferences();
  // The configured name in the person's language; the default name is the product title, translated.
  const siteName = !theme
    ? t('app.title')
    : locale === 'zh-CN'
      ? theme.siteName
      : (theme.siteNames?.[locale] ?? (theme.siteName === DEFAULT_SITE_NAME ? t('app.title') : theme.siteName));
  const idle = screen === 'attract';
  useEffect(() => {
    if (idle) setCall('none');
  }, [idle]);
  const panelOpen = call === 'done' && !dismissed;
  // The panel covers the screen like a dialog: revealed personal data behind it is hidden again.
  useEffect(() => {
    if (panelOpen) send({ type: 'CONCEAL' });
  }, [panelOpen, send]);

  const requestStaff = () => {
    if (call === 'calling') return;
    setCall('calling');
    setDismissed(false);
    api.system.requestStaff({ screen: screen.slice(0, 40) }).then(
      () => setCall('done'),
      () => setCall('failed'),
    );
  };

  return (
    <header className="top-bar">
      <div className="site">
        {theme?.logoUrl ? <img className="logo" src={theme.logoUrl} alt="" /> : null}
        <div>
          <div className="site-name" data-testid="site-name">
            {siteName}
          </div>
          {theme?.openingHours ? <div className="hours">{t('bar.openingHours', { hours: theme.openingHours })}</div> : null}
        </div>
      </div>
      {theme?.staffAssist ? (
        <div className="staff-assist">
          <button type="button" className="btn btn-secondary" data-testid="staff-assist" aria-pressed={call === 'done'} disabled={call === 'calling'} onClick={requestStaff}>
            {t('bar.staffAssist')}
          </button>
          <p className="staff-assist-status" role="status" aria-live="polite">
            {call === 'failed' ? <span data-testid="staff-assist-failed">{t('bar.staffAssistFailed')}</span> : null}
          </p>
          {call === 'done' && !dismissed ? (
            // A clear panel, not a small line: who is coming, what to do meanwhile, what is kept.
            <section className="staff-panel" role="status" aria-live="polite" aria-labelledby="staff-panel-title" data-testid="staff-assist-panel">
              <h2 id="staff-panel-title" data-testid="staff-assist-done">
                {t('bar.staffAssistCalled')}
              </h2>
              <ul>
                <li>{t('bar.staffNextComing')}</li>
                <li>{t('bar.staffNextWait')}</li>
                <li>{t('bar.staffNextKept')}</li>
              </ul>
              <button type="button" className="btn btn-primary btn-large" data-testid="staff-assist-dismiss" onClick={() => setDismissed(true)}>
                {t('bar.staffNextOk')}
              </button>
            </section>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
