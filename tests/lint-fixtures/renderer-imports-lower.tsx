import type { ScreenName } from '../flow/screen-of';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { Screen } from '../ui/screen';

export function Fixture({ name }: { name: ScreenName }) {
  const { t } = useTranslation();
  const { send } = useFlow();
  return (
    <Screen name={name} title={t('app.title')}>
      <button type="button" onClick={() => send({ type: 'CONTINUE' })} />
    </Screen>
  );
}
