import { useTranslation } from '../i18n/use-translation';
import { keepFieldFocus } from '../ui/text-edit';
import { UYGHUR_ROWS, uyghurKeyChar } from './uyghur-layout';

/**
 * The letter rows of the keyboard in `uyghur` mode: the keys of the
 * standard Uyghur layout in their places (the container stays left to
 * right), each labelled in Uyghur (`lang="ug"`) with what a tap types.
 * Shift, at the start of the bottom row, shows the shifted level (the six
 * letters that exist only there) until the next letter. Pressing a key keeps
 * the focus and caret in the field.
 */
export function UyghurLetterRows({ shift, onLetter, onShift }: { shift: boolean; onLetter(letter: string): void; onShift(): void }) {
  const { t } = useTranslation();
  return (
    <>
      {UYGHUR_ROWS.map((row, i) => (
        <div className="keyboard-row" key={row[0]!.code}>
          {i === UYGHUR_ROWS.length - 1 ? (
            <button type="button" className="key key-shift" data-key="shift" data-testid="ime-shift" aria-pressed={shift} onPointerDown={keepFieldFocus} onClick={onShift}>
              {t('ime.shift')}
            </button>
          ) : null}
          {row.map((k) => {
            const char = uyghurKeyChar(k, shift);
            return (
              <button key={k.code} type="button" className="key key-ug" data-key={char} data-code={k.code} lang="ug" onPointerDown={keepFieldFocus} onClick={() => onLetter(char)}>
                {char}
              </button>
            );
          })}
        </div>
      ))}
    </>
  );
}
