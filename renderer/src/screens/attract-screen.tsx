import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { attachKeyboardWedge } from '../input/attach-keyboard-wedge';
import type { BrowseCategory } from '../flow/browse';
import { Icon, type IconName } from '../ui/icons';
import { LongPressCorner } from '../ui/long-press-corner';
import { Screen } from '../ui/screen';

const FEATURES: { key: BrowseCategory; icon: IconName }[] = [
  { key: 'social', icon: 'health' },
  { key: 'household', icon: 'house' },
  { key: 'family', icon: 'family' },
  { key: 'elderly', icon: 'elder' },
  { key: 'business', icon: 'shop' },
  { key: 'print', icon: 'print' },
];

/** What the terminal can do, in pictures; place the ID card or touch to start. */
export function AttractScreen() {
  const { t } = useTranslation();
  const { send, snapshot } = useFlow();
  const ending = snapshot.matches('ending');
  const leftCard = snapshot.context.leftCard;

  // A QR e-ID scanned on the attract screen starts the session and identifies in one go.
  useEffect(
    () =>
      attachKeyboardWedge(document, (payload) => {
        send({ type: 'START' });
        send({ type: 'QR_SUBMIT', payload });
      }),
    [send],
  );
  return (
    <Screen name="attract" title={t('attract.headline')}>
      {/* The technician's way in: held 3 s, a tap does nothing (a person at the kiosk never finds it by chance). */}
      <LongPressCorner label={t('technician.entry')} testId="technician-corner" onLongPress={() => send({ type: 'TECHNICIAN_OPEN' })} />
      <ul className="features" role="list">
        {FEATURES.map((f) => (
          <li key={f.key}>
            {/* A tile opens its category: guides can be read without identification; applying asks for it. */}
            <button type="button" className="feature" data-testid="attract-tile" data-category={f.key} disabled={ending} onClick={() => send({ type: 'BROWSE', category: f.key })}>
              <Icon name={f.icon} size={72} />
              <span>{t(`attract.features.${f.key}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="attract-actions">
        {/* A card left on the reader opens nothing by itself: the screen says what to do with it (a touch starts with it). */}
        {leftCard === null ? (
          <div className="card-hint">
            <Icon name="card" size={96} />
            <p className="lead">{t('attract.placeCard')}</p>
          </div>
        ) : (
          <div className="card-hint card-left" role="status" data-testid="attract-left-card" data-kind={leftCard}>
            <Icon name="card" size={96} />
            <p className="lead">{leftCard === 'after-session' ? t('attract.takeCard') : t('attract.touchToStart')}</p>
            {leftCard === 'after-session' ? <p>{t('attract.takeCardBody')}</p> : null}
          </div>
        )}
        <p className="or">{t('attract.or')}</p>
        <button type="button" className="btn btn-primary btn-huge" data-testid="start-button" disabled={ending} onClick={() => send({ type: 'START' })}>
          {t('attract.start')}
        </button>
      </div>
    </Screen>
  );
}
