import { useRef } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { deleteBackward, insertText, keepFieldFocus, type TextEdit, type TextSelection } from './text-edit';
import { useFieldCaret } from './use-field-caret';

/** Key rows per layout: letters for pinyin / initials search, digits for phone and number fields, digits and X for an ID number. */
const LAYOUTS = {
  letters: ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  digits: ['123', '456', '789', '0'],
  idNumber: ['123', '456', '789', '0X'],
} as const;

/** Keyboard layouts. */
export type KeyboardLayout = keyof typeof LAYOUTS;

/**
 * A touch keyboard for a kiosk without a physical one. Keys keep the focus in
 * the field `targetId` (pointer-down is prevented) and edit at its caret:
 * a key replaces the selection or goes in at the caret, backspace deletes
 * before it, and the caret follows the edit. `maxLength` counts characters.
 */
export function OnScreenKeyboard({
  layout,
  value,
  maxLength,
  onChange,
  targetId,
  testId,
}: {
  layout: KeyboardLayout;
  value: string;
  maxLength: number;
  onChange(value: string): void;
  /** Id of the input the keys type into (its caret is read and kept). */
  targetId: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const caret = useFieldCaret(targetId);
  // What the keys edit: the rendered value (its selection read from the field),
  // or the last edit not rendered yet, so two taps in one frame build on each other.
  const latest = useRef<{ value: string; selection: TextSelection | null }>({ value, selection: null });
  latest.current = { value, selection: null };
  const edit = (make: (value: string, selection: TextSelection | null) => TextEdit) => {
    const base = latest.current;
    const next = make(base.value, base.selection ?? caret.selection(base.value));
    if (next.value === base.value) return;
    latest.current = { value: next.value, selection: { start: next.caret, end: next.caret } };
    caret.placeCaret(next.caret, next.value);
    onChange(next.value);
  };
  const type = (ch: string) => edit((v, sel) => insertText(v, sel, ch, maxLength));
  return (
    <div className={`keyboard keyboard-${layout}`} data-testid={testId} role="group" aria-label={t('keyboard.label')} dir="ltr">
      {LAYOUTS[layout].map((row) => (
        <div className="keyboard-row" key={row}>
          {row.split('').map((ch) => (
            <button key={ch} type="button" className="key" data-key={ch} onPointerDown={keepFieldFocus} onClick={() => type(ch)}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className="key key-wide" data-key="backspace" onPointerDown={keepFieldFocus} onClick={() => edit(deleteBackward)}>
          {t('keyboard.backspace')}
        </button>
        <button type="button" className="key key-wide" data-key="clear" onPointerDown={keepFieldFocus} onClick={() => edit(() => ({ value: '', caret: 0 }))}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
