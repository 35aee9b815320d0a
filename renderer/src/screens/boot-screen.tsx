import { useTranslation } from '../i18n/use-translation';
import { Screen } from '../ui/screen';

/** Shown for the moment the flow loads system info at start-up. */
export function BootScreen() {
  const { t } = useTranslation();
  return (
    <Screen name="boot">
      <p className="busy" role="status">
        {t('common.loading')}
      </p>
    </Screen>
  );
}
