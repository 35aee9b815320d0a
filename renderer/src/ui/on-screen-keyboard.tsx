import { useTranslation } from '../i18n/use-translation';

/** Key rows per layout: letters for pinyin / initials search, digits for phone and number fields. */
const LAYOUTS = {
  letters: ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  digits: ['123', '456', '789', '0'],
} as const;

/** Keyboard layouts. */
export type KeyboardLayout = keyof typeof LAYOUTS;

/**
 * A touch keyboard for a kiosk without a physical one. Keys keep the focus in
 * the field (pointer-down is prevented), so the caret and the on-screen
 * system keyboard, if any, stay where they are.
 */
export function OnScreenKeyboard({
  layout,
  value,
  maxLength,
  onChange,
  testId,
}: {
  layout: KeyboardLayout;
  value: string;
  maxLength: number;
  onChange(value: string): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const keep = (e: { preventDefault(): void }) => e.preventDefault();
  const type = (ch: string) => {
    if (value.length < maxLength) onChange(value + ch);
  };
  return (
    <div className={`keyboard keyboard-${layout}`} data-testid={testId} role="group" aria-label={t('keyboard.label')} dir="ltr">
      {LAYOUTS[layout].map((row) => (
        <div className="keyboard-row" key={row}>
          {row.split('').map((ch) => (
            <button key={ch} type="button" className="key" data-key={ch} onPointerDown={keep} onClick={() => type(ch)}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className="key key-wide" data-key="backspace" onPointerDown={keep} onClick={() => onChange(value.slice(0, -1))}>
          {t('keyboard.backspace')}
        </button>
        <button type="button" className="key key-wide" data-key="clear" onPointerDown={keep} onClick={() => onChange('')}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
