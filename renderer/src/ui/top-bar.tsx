import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../common/contract/schemas';

/** Site name, partner logo, opening hours and the staff-assist entry from the site theme. */
export function TopBar({ system }: { system: SystemInfo | null }) {
  const { t } = useTranslation();
  const [called, setCalled] = useState(false);
  const theme = system?.theme;
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
        <button type="button" className="btn btn-secondary" data-testid="staff-assist" aria-pressed={called} onClick={() => setCalled(true)}>
          {called ? t('bar.staffAssistCalled') : t('bar.staffAssist')}
        </button>
      ) : null}
    </header>
  );
}
