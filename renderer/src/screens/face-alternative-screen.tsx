import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { attachKeyboardWedge } from '../input/attach-keyboard-wedge';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';

/**
 * The ways to confirm who one is without the face check: the QR e-ID
 * (scanned here, checked by the platform as on the identify screen) or a
 * staff member at the window. Says why when the camera failed.
 */
export function FaceAlternativeScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const notice = snapshot.context.faceNotice;
  const verifying = snapshot.matches({ session: { faceCheck: 'verifyingQr' } });
  const error = snapshot.context.identifyError;

  useEffect(() => attachKeyboardWedge(document, (payload) => send({ type: 'QR_SUBMIT', payload })), [send]);

  return (
    <Screen name="faceAlternative" title={t('face.alternativeTitle')}>
      {notice ? (
        <p className="note note-warn" role="alert" data-testid="face-notice" data-notice={notice}>
          {t(`face.${notice}`)}
        </p>
      ) : null}
      {verifying ? (
        <p className="note note-busy" role="status" data-testid="face-alternative-busy">
          {t('identify.verifying')}
        </p>
      ) : null}
      {error ? (
        <p className="note note-error" role="alert" data-testid="face-alternative-error" data-code={error}>
          {t(`identify.errors.${error}`)}
        </p>
      ) : null}
      <p className="lead">{t('face.alternativeLead')}</p>
      <div className="options">
        <div className="option" data-testid="face-alternative-qr">
          <Icon name="qr" size={80} />
          <h2>{t('face.qrTitle')}</h2>
          <p>{t('face.qrBody')}</p>
        </div>
        <div className="option" data-testid="face-alternative-staff">
          <Icon name="family" size={80} />
          <h2>{t('face.staffTitle')}</h2>
          <p>{t('face.staffBody')}</p>
        </div>
      </div>
    </Screen>
  );
}
