import { useState } from 'react';
import { GUARDIAN_RELATIONS } from '../../../../common/contract/delegation-values';
import { isValidIdNumber } from '../../../../common/domain/id-number';
import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';
import { OnScreenKeyboard } from '../../ui/on-screen-keyboard';
import { DelegationRefusalNote } from './delegation-refusal-note';

const CHILD_INPUT = 'delegation-child-id';

/**
 * A guardian for a child under 14 (no card, or not with them): the child's
 * ID number on the digit keyboard (the check digit is checked as typed) and
 * the household relation; the platform checks both against the household register.
 */
export function DelegationGuardianStep({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<(typeof GUARDIAN_RELATIONS)[number]>('parent');
  const complete = idNumber.length === 18;
  const checksumWrong = complete && !isValidIdNumber(idNumber);
  return (
    <form
      className="app-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete && !checksumWrong) send({ type: 'GUARDIAN_SUBMIT', childIdNumber: idNumber, relation });
      }}
    >
      <p className="lead">{t('delegation.guardian.lead')}</p>
      <div className="fields">
        <div className="field">
          <label htmlFor={CHILD_INPUT}>{t('delegation.guardian.childId')}</label>
          <input
            id={CHILD_INPUT}
            data-testid="delegation-child-id"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={18}
            value={idNumber}
            aria-invalid={checksumWrong}
            aria-describedby={checksumWrong ? 'delegation-child-id-error' : undefined}
            onChange={(e) => setIdNumber(e.target.value.toUpperCase().replace(/[^\dX]/g, '').slice(0, 18))}
          />
          {checksumWrong ? (
            <p id="delegation-child-id-error" className="note note-error" data-testid="delegation-child-id-invalid">
              {t('delegation.refusal.id-number-invalid')}
            </p>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>{t('delegation.guardian.relation')}</legend>
          {GUARDIAN_RELATIONS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="guardian-relation" value={r} data-testid={`guardian-relation-${r}`} checked={relation === r} onChange={() => setRelation(r)} />
              {t(`delegation.relation.${r}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <OnScreenKeyboard layout="idNumber" value={idNumber} maxLength={18} onChange={setIdNumber} targetId={CHILD_INPUT} testId="delegation-keypad" />
      <DelegationRefusalNote refusal={snapshot.context.delegation?.refusal ?? null} />
      <div className="actions">
        <button type="submit" className="btn btn-primary btn-huge" data-testid="delegation-guardian-submit" disabled={busy || !complete || checksumWrong}>
          {busy ? t('delegation.wait.checking') : t('delegation.guardian.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
