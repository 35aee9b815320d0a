import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';

/**
 * The face check's own consent (face data is sensitive personal
 * information): what is captured, why, where it goes, when it is deleted,
 * and that it is not the only way. Nothing is captured on this screen (the
 * camera opens on the next one). Agree and decline are the same size and
 * style, side by side: neither is the "default".
 */
export function FaceConsentScreen() {
  const { t } = useTranslation();
  const { send } = useFlow();
  return (
    <Screen name="faceConsent" title={t('face.consentTitle')}>
      <div className="why privacy-notice" data-testid="face-consent-notice">
        <ul>
          <li data-testid="face-consent-what">{t('face.consentWhat')}</li>
          <li data-testid="face-consent-why">{t('face.consentWhy')}</li>
          <li data-testid="face-consent-where">{t('face.consentWhere')}</li>
          <li data-testid="face-consent-delete">{t('face.consentDelete')}</li>
        </ul>
        <p className="lead">{t('face.consentChoice')}</p>
      </div>
      <div className="face-choices">
        <button type="button" className="btn btn-primary btn-huge" data-testid="face-consent-accept" onClick={() => send({ type: 'FACE_CONSENT' })}>
          <Icon name="face" size={48} />
          <span>{t('face.accept')}</span>
        </button>
        <button type="button" className="btn btn-primary btn-huge" data-testid="face-consent-decline" onClick={() => send({ type: 'FACE_DECLINE' })}>
          <Icon name="qr" size={48} />
          <span>{t('face.decline')}</span>
        </button>
      </div>
    </Screen>
  );
}
