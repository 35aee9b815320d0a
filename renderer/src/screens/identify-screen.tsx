import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { attachKeyboardWedge } from '../input/attach-keyboard-wedge';
import { isCardReaderAvailable } from '../flow/selectors';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/screen';

/** ID card or QR e-ID / one-code pass, with a plain explanation of what is read and why. */
export function IdentifyScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const readerOk = isCardReaderAvailable(snapshot.context.devices);
  const reading = snapshot.matches({ session: { identify: 'reading' } });
  const verifying = snapshot.matches({ session: { identify: 'verifyingQr' } });
  const error = snapshot.context.identifyError;

  useEffect(() => attachKeyboardWedge(document, (payload) => send({ type: 'QR_SUBMIT', payload })), [send]);

  const cardOption = (
    <div className={`option ${readerOk ? '' : 'option-unavailable'}`} key="card" data-testid="identify-card-option" data-available={readerOk}>
      <Icon name="card" size={80} />
      <h2>{t('identify.idcardTitle')}</h2>
      <p>{readerOk ? t('identify.idcardBody') : t('identify.readerOffline')}</p>
    </div>
  );
  const qrOption = (
    <div className={`option ${readerOk ? '' : 'option-prominent'}`} key="qr">
      <Icon name="qr" size={80} />
      <h2>{t('identify.qrTitle')}</h2>
      <p>{t('identify.qrBody')}</p>
    </div>
  );

  return (
    <Screen name="identify" title={t('identify.title')}>
      {reading || verifying ? (
        <p className="note note-busy" role="status" data-testid="identify-busy">
          {reading ? t('identify.reading') : t('identify.verifying')}
        </p>
      ) : null}
      {error ? (
        <p className="note note-error" role="alert" data-testid="identify-error" data-code={error}>
          {t(`identify.errors.${error}`)}
        </p>
      ) : null}
      <div className="options">{readerOk ? [cardOption, qrOption] : [qrOption, cardOption]}</div>
      {/* Before the read: what is read, why, how long it is kept, where it goes (short), with the rest under "more". */}
      <section className="why privacy-notice" aria-labelledby="privacy-title" data-testid="privacy-notice">
        <h2 id="privacy-title">
          <Icon name="shield" size={36} />
          <span>{t('identify.privacyTitle')}</span>
        </h2>
        <ul>
          <li data-testid="privacy-what">{t('identify.privacyWhat')}</li>
          <li data-testid="privacy-why">{t('identify.privacyWhy')}</li>
          <li data-testid="privacy-keep">{t('identify.privacyKeep')}</li>
          <li data-testid="privacy-where">{t('identify.privacyWhere')}</li>
        </ul>
        <details data-testid="privacy-more">
          <summary>{t('identify.whatTitle')}</summary>
          <p>{t('identify.whatBody')}</p>
        </details>
      </section>
    </Screen>
  );
}
