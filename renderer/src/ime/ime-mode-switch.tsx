import { useTranslation } from '../i18n/use-translation';
import { keepFieldFocus } from '../ui/text-edit';
import { IME_MODES, type ImeMode } from './ime-state';

/** Language of each mode's label where it differs from the page's: Uyghur is named in Uyghur in every language, as the language switch names it. */
const LABEL_LANG: Partial<Record<ImeMode, string>> = { uyghur: 'ug' };

/**
 * 中 / 英 / ئۇ: one large button per mode of the on-screen keyboard, the
 * current one pressed. A tap on a button switches at once (no cycling, no
 * hover). Pressing keeps the focus and caret in the field.
 */
export function ImeModeSwitch({ mode, onMode }: { mode: ImeMode; onMode(mode: ImeMode): void }) {
  const { t } = useTranslation();
  const labels: Record<ImeMode, string> = { pinyin: t('ime.chinese'), latin: t('ime.latin'), uyghur: t('ime.uyghur') };
  return (
    <div className="ime-modes" role="group" aria-label={t('ime.mode')} data-testid="ime-mode">
      {IME_MODES.map((m) => (
        <button
          key={m}
          type="button"
          className="key ime-mode"
          data-testid={`ime-mode-${m}`}
          data-key={`mode-${m}`}
          lang={LABEL_LANG[m]}
          aria-pressed={mode === m}
          onPointerDown={keepFieldFocus}
          onClick={() => onMode(m)}
        >
          {labels[m]}
        </button>
      ))}
    </div>
  );
}
