import type { DelegationRefusal } from '../../../../common/contract/delegation-schemas';
import type { DelegationServiceRefusal } from '../../../../common/domain/delegation-rules';
import { useTranslation } from '../../i18n/use-translation';

/** Why the principal or the service was refused (代办), in plain words, announced; nothing for null. */
export function DelegationRefusalNote({ refusal }: { refusal: DelegationRefusal | DelegationServiceRefusal | null }) {
  const { t } = useTranslation();
  if (!refusal) return null;
  return (
    <p className="note note-error" role="alert" data-testid="delegation-refusal" data-reason={refusal}>
      {t(`delegation.refusal.${refusal}`)}
    </p>
  );
}
