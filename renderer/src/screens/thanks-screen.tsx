import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { Screen } from '../ui/screen';

/** Thanks; the session ends by itself after a few seconds or on "finish". */
export function ThanksScreen() {
  const { t } = useTranslation();
  const { send } = useFlow();
  return (
    <Screen name="thanks" title={t('thanks.title')}>
      <p className="lead">{t('thanks.body')}</p>
      <button type="button" className="btn btn-primary btn-huge" data-testid="thanks-done" onClick={() => send({ type: 'DONE' })}>
        {t('thanks.done')}
      </button>
    </Screen>
  );
}
