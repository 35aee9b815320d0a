import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { AutoAdvance } from '../ui/auto-advance';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';

/** Greets the identified person by masked name, then moves on to home by itself (not in care mode), with a visible countdown. */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const identity = snapshot.context.identity;
  return (
    <Screen name="welcome" title={t('welcome.greeting')}>
      <p className="masked-name" data-testid="masked-name">
        <Bdi>{identity?.maskedName ?? ''}</Bdi>
      </p>
      {identity?.expired ? <p className="note note-warn">{t('welcome.expired')}</p> : null}
      <button type="button" className="btn btn-primary btn-huge" data-testid="welcome-continue" onClick={() => send({ type: 'CONTINUE' })}>
        {t('welcome.continue')}
      </button>
      <button type="button" className="btn btn-secondary btn-large" data-testid="welcome-delegate" onClick={() => send({ type: 'DELEGATE_START' })}>
        {t('welcome.delegate')}
      </button>
      <AutoAdvance ms={snapshot.context.timing.welcomeMs} care={snapshot.context.care} />
    </Screen>
  );
}
