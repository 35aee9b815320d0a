import { useTranslation } from '../i18n/use-translation';
import { usePreferences } from '../hooks/preferences';
import { LOCALES } from '../i18n/locales';
import { useVoice } from '../hooks/voice-context';
import { Icon } from './icons';

/**
 * Bottom bar on every screen: voice replay and mute, care mode, language, home
 * and the way out: "取消办理" before a submission, "结束" after it (`finish`),
 * when there is nothing left to cancel.
 */
export function AccessBar({
  showHome,
  showCancel,
  finish = false,
  onHome,
  onCancel,
}: {
  showHome: boolean;
  showCancel: boolean;
  finish?: boolean;
  onHome(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const voice = useVoice();
  return (
    <nav className="access-bar" aria-label={t('bar.language')}>
      <div className="group">
        <button type="button" className="btn btn-tool" data-testid="voice-replay" onClick={voice.replay} aria-label={t('voice.replay')}>
          <Icon name="replay" size={32} />
          <span>{t('voice.replay')}</span>
        </button>
        <button
          type="button"
          className="btn btn-tool"
          data-testid="voice-mute"
          aria-pressed={prefs.muted}
          onClick={() => prefs.setMuted(!prefs.muted)}
        >
          <Icon name={prefs.muted ? 'mute' : 'speaker'} size={32} />
          <span>{prefs.muted ? t('voice.unmute') : t('voice.mute')}</span>
        </button>
        <button
          type="button"
          className="btn btn-tool btn-care"
          data-testid="care-mode-toggle"
          aria-pressed={prefs.care}
          onClick={() => prefs.setCare(!prefs.care)}
        >
          <Icon name="elder" size={32} />
          <span>{prefs.care ? t('bar.careOn') : t('bar.careOff')}</span>
        </button>
      </div>
      <div className="group languages" role="group" aria-label={t('bar.language')}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            className="btn btn-tool btn-lang"
            data-testid={`lang-${l}`}
            lang={l}
            dir={l === 'ug' ? 'rtl' : 'ltr'}
            aria-pressed={prefs.locale === l}
            onClick={() => prefs.setLocale(l)}
          >
            {t(`languages.${l}`)}
          </button>
        ))}
      </div>
      <div className="group">
        {showHome ? (
          <button type="button" className="btn btn-secondary" data-testid="home-button" onClick={onHome}>
            <Icon name="house" size={32} />
            <span>{t('common.home')}</span>
          </button>
        ) : null}
        {showCancel ? (
          <button type="button" className={`btn ${finish ? 'btn-secondary' : 'btn-danger'}`} data-testid="cancel-button" data-finish={finish} onClick={onCancel}>
            {finish ? t('common.finish') : t('common.cancel')}
          </button>
        ) : null}
      </div>
    </nav>
  );
}
