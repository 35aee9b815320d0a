import { useTranslation } from '../i18n/use-translation';
import type { KioskErrorCode } from '../../../common/contract/errors';

/** A translated error message for a KioskError code, announced to screen readers; renders nothing for null. */
export function ErrorNote({ code }: { code: KioskErrorCode | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p className="note note-error" role="alert" data-testid="error-note" data-code={code}>
      {t(`errors.${code}`)}
    </p>
  );
}
