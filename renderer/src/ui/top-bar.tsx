import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { SystemInfo } from '../../../common/contract/schemas';
import { useKioskApi } from '../hooks/kiosk-api-context';

type StaffCall = 'none' | 'calling' | 'done' | 'failed';

/**
 * Site name, partner logo, opening hours and the staff-assist entry from the
 * site theme. Staff assist calls `system.requestStaff` with the current screen
 * name (no personal data) and confirms; a failure says so and can be retried.
 * The confirmation resets when the screen changes to attract.
 */
export function TopBar({ system, screen }: { system: SystemInfo | null; screen: string }) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [call, setCall] = useState<StaffCall>('none');
  const theme = system?.theme;
  const idle = screen === 'attract';
  useEffect(() => {
    if (idle) setCall('none');
  }, [idle]);

  const requestStaff = () => {
    if (call === 'calling') return;
    setCall('calling');
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
          <div className="site-name">{theme?.siteName ?? t('app.title')}</div>
          {theme?.openingHours ? <div className="hours">{t('bar.openingHours', { hours: theme.openingHours })}</div> : null}
        </div>
      </div>
      {theme?.staffAssist ? (
        <div className="staff-assist">
          <button type="button" className="btn btn-secondary" data-testid="staff-assist" aria-pressed={call === 'done'} disabled={call === 'calling'} onClick={requestStaff}>
            {t('bar.staffAssist')}
          </button>
          <p className="staff-assist-status" role="status" aria-live="polite">
            {call === 'done' ? <span data-testid="staff-assist-done">{t('bar.staffAssistCalled')}</span> : null}
            {call === 'failed' ? <span data-testid="staff-assist-failed">{t('bar.staffAssistFailed')}</span> : null}
          </p>
        </div>
      ) : null}
    </header>
  );
}
