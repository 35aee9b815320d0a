import type { FlowContext } from '../flow/flow-types';
import { useTranslation } from '../i18n/use-translation';
import { Bdi } from './bdi';

/** While the person applies for someone else (代办): whom for, masked, on every screen of the session. */
export function DelegationBanner({ delegation, agent }: { delegation: FlowContext['delegation']; agent: FlowContext['identity'] }) {
  const { t } = useTranslation();
  if (delegation?.state !== 'ready' || !delegation.principal) return null;
  return (
    <div className="delegation-banner" data-testid="delegation-banner" role="status">
      <span>{t('delegation.banner.for')}</span> <Bdi testId="delegation-banner-principal">{delegation.principal.maskedName}</Bdi>
      {agent ? (
        <>
          {' · '}
          <span>{t('delegation.banner.agent')}</span> <Bdi testId="delegation-banner-agent">{agent.maskedName}</Bdi>
        </>
      ) : null}
    </div>
  );
}
