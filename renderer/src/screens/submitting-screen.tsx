import { useTranslation } from '../i18n/use-translation';
import { Screen } from '../ui/screen';

/** Shown while the transaction is written to the outbox and (if online) delivered. */
export function SubmittingScreen() {
  const { t } = useTranslation();
  return (
    <Screen name="submitting" title={t('submitting.title')}>
      <div className="spinner" role="progressbar" aria-label={t('submitting.title')} />
    </Screen>
  );
}
