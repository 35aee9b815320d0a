import { useTranslation } from '../i18n/use-translation';
import type { FlowContext } from '../flow/flow-types';

/** Network state for everyone to see; loud when offline or slow, a quiet dot when online. */
export function ConnectivityBanner({ state, pending }: { state: FlowContext['connectivity']; pending: number }) {
  const { t } = useTranslation();
  return (
    <div className={`connectivity connectivity-${state}`} data-testid="connectivity-banner" data-state={state} role="status">
      <span>{t(`connectivity.${state}`)}</span>
      {pending > 0 ? <span className="pending">{t('connectivity.pending', { count: pending })}</span> : null}
    </div>
  );
}
