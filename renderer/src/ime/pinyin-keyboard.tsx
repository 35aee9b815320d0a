import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useKioskApi } from '../hooks/kiosk-api-context';
import { usePreferences } from '../hooks/preferences';
import { insertText, keepFieldFocus } from '../ui/text-edit';
import { useFieldCaret } from '../ui/use-field-caret';
import { createImeController } from './ime-controller';
import { fits, initialImeMode, isPending, pageCount, visibleCandidates, type ImeMode, type ImeState } from './ime-state';
import { ImeModeSwitch } from './ime-mode-switch';
import { UyghurLetterRows } from './uyghur-letter-rows';

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGITS = '1234567890';

/**
 * The on-screen keyboard with a pinyin input method, for free-text fields:
 * letters build a composition shown above a candidate bar; tapping a
 * candidate inserts it and consumes its syllables; the mode switch
 * (中 / 英 / ئۇ) changes to typing Latin or Uyghur letters directly. It
 * opens in Uyghur mode when the kiosk's language is Uyghur (and follows a
 * change of language while it is open). Text goes in at the caret of the
 * field `targetId` (replacing a selection) and the caret follows it.
 * Candidates come from the core (`input.candidates`). `openMode` picks the
 * mode for a language (default: pinyin, Uyghur letters in Uyghur);
 * `onPreview`, when given, hears the field's text as it reads with the
 * composition typed at the caret (a search can follow the letters before a
 * candidate is picked).
 */
export function PinyinKeyboard({
  value,
  maxLength,
  onChange,
  targetId,
  testId,
  openMode: modeFor = initialImeMode,
  onPreview,
}: {
  value: string;
  maxLength: number;
  onChange(value: string): void;
  /** Id of the input or textarea the keyboard types into (its caret is read and kept). */
  targetId: string;
  testId: string;
  /** The mode the keyboard opens in for a language, and switches to when the language changes. */
  openMode?: (locale: string) => ImeMode;
  /** Hears the value with the composition at the caret, whenever either changes. */
  onPreview?: (preview: string) => void;
}) {
  const { t } = useTranslation();
  const api = useKioskApi();
  const { locale } = usePreferences();
  // The language picks the mode the keyboard opens in, and the mode again when the person changes the language.
  const [openMode] = useState(() => modeFor(locale));
  const openLocale = useRef(locale);
  const caret = useFieldCaret(targetId);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [state, setState] = useState<ImeState | null>(null);
  const controller = useMemo(
    () =>
      createImeController(
        { value, maxLength },
        {
          candidates: (pinyin, limit) => api.input.candidates({ pinyin, limit }).then((r) => r.candidates),
          onChange: (v, at) => {
            caret.placeCaret(at, v);
            onChangeRef.current(v);
          },
          selection: (v) => caret.selection(v),
          onState: setState,
          mode: openMode,
        },
      ),
    // One input method per keyboard (the field is kept current below, onChange through a ref).
    [api, caret, openMode],
  );
  controller.setField({ value, maxLength });
  useEffect(() => {
    if (openLocale.current === locale) return;
    openLocale.current = locale;
    controller.dispatch({ type: 'setMode', mode: modeFor(locale) });
  }, [controller, locale, modeFor]);
  useEffect(() => {
    // The core builds its index on first use: start that now, not on the first letter.
    api.input.candidates({ pinyin: 'a', limit: 1 }).catch(() => undefined);
  }, [api]);

  const ime = state ?? controller.state;
  const composing = ime.composition !== '';
  const visible = visibleCandidates(ime);
  const pages = pageCount(ime);
  const pending = isPending(ime);
  const field = { value, maxLength, selection: caret.selection(value) };
  const preview = composing ? insertText(value, field.selection, ime.composition, maxLength).value : value;
  useEffect(() => onPreview?.(preview), [onPreview, preview]);
  const key = (label: string, dataKey: string, onClick: () => void, extra: { className?: string; disabled?: boolean } = {}) => (
    <button
      key={dataKey}
      type="button"
      className={`key ${extra.className ?? ''}`}
      data-key={dataKey}
      disabled={extra.disabled}
      onPointerDown={keepFieldFocus}
      onClick={onClick}
    >
      {label}
    </button>
  );

  return (
    <div
      className="keyboard keyboard-letters keyboard-ime"
      data-testid={testId}
      data-mode={ime.mode}
      role="group"
      aria-label={ime.mode === 'uyghur' ? t('ime.uyghurLabel') : t('ime.label')}
      dir="ltr"
    >
      {ime.mode === 'pinyin' ? (
        <div className="ime-panel">
          <p className="ime-composition" data-testid="ime-composition" aria-live="polite">
            <span className="ime-composition-label">{t('ime.composition')}</span>
            <span className="ime-composition-text" lang="zh-Latn">
              {ime.composition}
            </span>
          </p>
          <div className="ime-candidates" data-testid="ime-candidates" role="group" aria-label={t('ime.candidates')} data-pending={pending || undefined}>
            <button
              type="button"
              className="key ime-page"
              data-testid="ime-prev-page"
              disabled={!composing || ime.page === 0}
              onPointerDown={keepFieldFocus}
              onClick={() => controller.dispatch({ type: 'prevPage' })}
            >
              {t('ime.prevPage')}
            </button>
            <div className="ime-candidate-list">
              {visible.map((c) => (
                <button
                  key={`${c.index}-${c.text}`}
                  type="button"
                  className="ime-candidate"
                  data-testid="ime-candidate"
                  data-text={c.text}
                  lang="zh-CN"
                  disabled={!fits(field, c.text)}
                  onPointerDown={keepFieldFocus}
                  onClick={() => controller.dispatch({ type: 'pick', index: c.index })}
                >
                  {c.text}
                </button>
              ))}
              {!composing ? <p className="ime-hint">{t('ime.hint')}</p> : null}
              {composing && !pending && visible.length === 0 ? (
                <p className="ime-hint" data-testid="ime-no-candidates">
                  {t('ime.noCandidates')}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              className="key ime-page"
              data-testid="ime-next-page"
              disabled={!composing || pending || ime.page >= pages - 1}
              onPointerDown={keepFieldFocus}
              onClick={() => controller.dispatch({ type: 'nextPage' })}
            >
              {t('ime.nextPage')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="keyboard-row">
        {[...DIGITS].map((d) => key(d, d, () => controller.dispatch({ type: 'char', char: d }), { disabled: composing }))}
      </div>
      {ime.mode === 'uyghur' ? (
        <UyghurLetterRows shift={ime.shift} onLetter={(letter) => controller.dispatch({ type: 'letter', letter })} onShift={() => controller.dispatch({ type: 'shift' })} />
      ) : (
        LETTER_ROWS.map((row) => (
          <div className="keyboard-row" key={row}>
            {[...row].map((ch) => key(ch, ch, () => controller.dispatch({ type: 'letter', letter: ch })))}
          </div>
        ))
      )}
      <div className="keyboard-row">
        <ImeModeSwitch mode={ime.mode} onMode={(mode) => controller.dispatch({ type: 'setMode', mode })} />
        {key(composing ? t('ime.confirm') : t('ime.space'), 'space', () => controller.dispatch({ type: 'space' }), { className: 'key-wide key-space' })}
        {key(t('keyboard.backspace'), 'backspace', () => controller.dispatch({ type: 'backspace' }), { className: 'key-wide' })}
        {key(t('keyboard.clear'), 'clear', () => controller.dispatch({ type: 'clear' }), { className: 'key-wide' })}
      </div>
    </div>
  );
}

export default PinyinKeyboard;
