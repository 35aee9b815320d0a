import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';
import { serviceRefusalOf } from '../../flow/delegation-flow';
import { useCatalogueTexts } from '../../hooks/use-catalogue-texts';
import { Screen } from '../../ui/screen';
import { DelegationRefusalNote } from './delegation-refusal-note';

/** The service on the guide cannot be applied for under this delegation: why, and the two ways on. */
export function DelegationRefusedScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const texts = useCatalogueTexts();
  const service = snapshot.context.service;
  const busy = snapshot.matches({ session: 'delegationStopping' });
  return (
    <Screen name="delegationRefused" title={t('delegation.refused.title')}>
      {service ? <p className="lead">{texts.summary(service).name}</p> : null}
      <DelegationRefusalNote refusal={serviceRefusalOf(snapshot.context, service) ?? (busy ? null : 'not-delegable')} />
      <div className="actions actions-column">
        <button type="button" className="btn btn-primary btn-huge" data-testid="delegation-refused-home" onClick={() => send({ type: 'HOME' })}>
          {t('delegation.refused.other')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="delegation-refused-self" disabled={busy} onClick={() => send({ type: 'DELEGATE_STOP' })}>
          {t('delegation.refused.self')}
        </button>
      </div>
    </Screen>
  );
}
