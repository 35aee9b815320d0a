import { DELEGATION_RELATIONS } from '../../../../common/contract/delegation-values';
import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';
import { Bdi } from '../../ui/bdi';

/** The principal (masked) is known: the agent says how they are related. */
export function DelegationRelationStep({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const principal = snapshot.context.delegation?.principal;
  return (
    <>
      <p className="lead">
        {t('delegation.relation.lead')} <Bdi testId="delegation-principal-name">{principal?.maskedName ?? ''}</Bdi>
      </p>
      <div className="actions actions-column" role="group" aria-label={t('delegation.relation.label')}>
        {DELEGATION_RELATIONS.map((r) => (
          <button key={r} type="button" className="btn btn-primary btn-large" data-testid={`delegation-relation-${r}`} disabled={busy} onClick={() => send({ type: 'RELATION_CHOSEN', relation: r })}>
            {t(`delegation.relation.${r}`)}
          </button>
        ))}
        <button type="button" className="btn btn-secondary btn-large" data-testid="delegation-stop" onClick={() => send({ type: 'BACK' })}>
          {t('delegation.stop')}
        </button>
      </div>
    </>
  );
}
