import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { Screen } from '../ui/screen';

/** Greets the identified person by masked name, then moves on to home by itself. */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const identity = snapshot.context.identity;
  return (
    <Screen name="welcome" title={t('welcome.greeting')}>
      <p className="masked-name" data-testid="masked-name">
        {identity?.maskedName ?? ''}
      </p>
      {identity?.expired ? <p className="note note-warn">{t('welcome.expired')}</p> : null}
      <button type="button" className="btn btn-primary btn-huge" data-testid="welcome-continue" onClick={() => send({ type: 'CONTINUE' })}>
        {t('welcome.continue')}
      </button>
    </Screen>
  );
}
