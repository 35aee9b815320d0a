import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';

/** How the principal is identified: their card, the authorisation on their phone, or a child under 14 (guardian). */
export function DelegationRouteStep({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const { send } = useFlow();
  const routes = [
    { route: 'card', label: t('delegation.route.card'), hint: t('delegation.route.cardHint') },
    { route: 'authorisation', label: t('delegation.route.authorisation'), hint: t('delegation.route.authorisationHint') },
    { route: 'guardian', label: t('delegation.route.guardian'), hint: t('delegation.route.guardianHint') },
  ] as const;
  return (
    <>
      <p className="lead">{t('delegation.route.lead')}</p>
      <div className="actions actions-column">
        {routes.map((r) => (
          <button
            key={r.route}
            type="button"
            className="btn btn-primary btn-huge"
            data-testid={`delegation-route-${r.route}`}
            disabled={busy}
            onClick={() => send({ type: 'DELEGATE_ROUTE', route: r.route })}
          >
            <span>{r.label}</span>
            <small className="btn-hint">{r.hint}</small>
          </button>
        ))}
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </>
  );
}
