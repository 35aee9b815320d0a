import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';
import { stepOf } from '../../flow/screen-of';
import { ErrorNote } from '../../ui/error-note';
import { Screen } from '../../ui/screen';
import { DelegationGuardianStep } from './delegation-guardian-step';
import { DelegationRelationStep } from './delegation-relation-step';
import { DelegationRouteStep } from './delegation-route-step';
import { DelegationWaitStep } from './delegation-wait-step';

/** 为家人/他人办理: one screen, its step from the delegation sub-flow's state (`data-step`). */
export function DelegationScreen() {
  const { t } = useTranslation();
  const { snapshot } = useFlow();
  const step = stepOf(snapshot) ?? 'route';
  return (
    <Screen name="delegation" title={t('delegation.title')}>
      <div data-testid="delegation-step" data-step={step}>
        <DelegationStepView step={step} />
      </div>
      <ErrorNote code={snapshot.context.error} />
    </Screen>
  );
}

function DelegationStepView({ step }: { step: string }) {
  switch (step) {
    case 'awaitingCard':
      return <DelegationWaitStep kind="card" busy={false} />;
    case 'awaitingAuthorisation':
    case 'authorising':
      return <DelegationWaitStep kind="authorisation" busy={step === 'authorising'} />;
    case 'guardian':
    case 'checkingGuardian':
      return <DelegationGuardianStep busy={step === 'checkingGuardian'} />;
    case 'relation':
    case 'settingRelation':
      return <DelegationRelationStep busy={step === 'settingRelation'} />;
    default:
      return <DelegationRouteStep busy={step === 'starting' || step === 'stopping'} />;
  }
}
