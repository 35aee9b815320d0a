import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import type { TechnicianRefusalView } from '../flow/technician-flow';
import { OnScreenKeyboard } from '../ui/on-screen-keyboard';
import { Screen } from '../ui/screen';

const PIN_INPUT = 'technician-pin';

/** Minutes left of a lockout, rounded up (at least 1). */
function minutesLeft(lockedUntil: string | null, now = Date.now()): number {
  return Math.max(1, Math.ceil(((Date.parse(lockedUntil ?? '') || now) - now) / 60_000));
}

/** The plain-words message of one refusal. */
function RefusalNote({ refusal }: { refusal: TechnicianRefusalView }) {
  const { t } = useTranslation();
  const text =
    refusal.reason === 'locked'
      ? t('technician.refusal.locked', { minutes: minutesLeft(refusal.lockedUntil) })
      : refusal.reason === 'pin-wrong' && refusal.attemptsLeft !== null
        ? t('technician.refusal.pinWrongLeft', { count: refusal.attemptsLeft })
        : t(`technician.refusal.${refusal.reason}`);
  return (
    <p className="note note-error" role="alert" data-testid="technician-refusal" data-reason={refusal.reason}>
      {text}
    </p>
  );
}

/**
 * The technician unlock screen: the credential code (pasted or typed; the
 * scanner path comes later) and the PIN on the on-screen digit keyboard.
 * The core checks both offline; each refusal is said in plain words.
 */
export function TechnicianUnlockScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const checking = snapshot.matches('technicianChecking');
  const refusal = snapshot.context.technicianRefusal;
  const [credential, setCredential] = useState('');
  const [pin, setPin] = useState('');
  return (
    <Screen name="technicianUnlock" title={t('technician.unlockTitle')}>
      <p className="lead">{t('technician.unlockLead')}</p>
      {refusal ? <RefusalNote refusal={refusal} /> : null}
      <form
        className="app-form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'TECHNICIAN_UNLOCK', credential, pin });
          setPin('');
        }}
      >
        <div className="fields">
          <div className="field">
            <label htmlFor="technician-credential">{t('technician.credential')}</label>
            <input
              id="technician-credential"
              data-testid="technician-credential"
              autoComplete="off"
              spellCheck={false}
              maxLength={1500}
              value={credential}
              onChange={(e) => setCredential(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={PIN_INPUT}>{t('technician.pin')}</label>
            <input
              id={PIN_INPUT}
              data-testid="technician-pin"
              type="password"
              inputMode="none"
              autoComplete="off"
              maxLength={12}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 12))}
            />
          </div>
        </div>
        <OnScreenKeyboard layout="digits" value={pin} maxLength={12} onChange={setPin} targetId={PIN_INPUT} testId="technician-keypad" />
        <div className="actions">
          <button type="submit" className="btn btn-primary btn-huge" data-testid="technician-unlock" disabled={checking || credential.trim() === '' || pin === ''}>
            {checking ? t('technician.checking') : t('technician.unlock')}
          </button>
          <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
            {t('common.back')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
