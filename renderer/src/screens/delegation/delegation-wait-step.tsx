import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useFlow } from '../../hooks/flow-context';
import { attachKeyboardWedge } from '../../input/attach-keyboard-wedge';
import { DelegationRefusalNote } from './delegation-refusal-note';

/**
 * Waiting for the principal: their ID card on the reader (the agent's own may
 * be lifted: the session goes on), or the authorisation QR their phone shows,
 * held to the scanner (a keyboard-wedge scanner types it into the page).
 */
export function DelegationWaitStep({ kind, busy }: { kind: 'card' | 'authorisation'; busy: boolean }) {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  useEffect(() => (kind === 'authorisation' ? attachKeyboardWedge(document, (payload) => send({ type: 'QR_SUBMIT', payload })) : undefined), [kind, send]);
  return (
    <>
      <p className="lead" data-testid={`delegation-wait-${kind}`}>
        {kind === 'card' ? t('delegation.wait.card') : t('delegation.wait.authorisation')}
      </p>
      <p className="note">{kind === 'card' ? t('delegation.wait.cardNote') : t('delegation.wait.authorisationNote')}</p>
      {busy ? <p className="note" role="status">{t('delegation.wait.checking')}</p> : null}
      <DelegationRefusalNote refusal={snapshot.context.delegation?.refusal ?? null} />
      <div className="actions">
        <button type="button" className="btn btn-secondary btn-large" data-testid="delegation-stop" onClick={() => send({ type: 'BACK' })}>
          {t('delegation.stop')}
        </button>
      </div>
    </>
  );
}
