/**
 * The standard Uyghur keyboard layout for the on-screen keyboard's `uyghur`
 * mode, copied character for character from the xkb layout `cn(ug)`
 * (`/usr/share/X11/xkb/symbols/cn`, section `xkb_symbols "ug"`): the letter
 * keys of its three letter rows in their order (AD01–AD10, AC01–AC09,
 * AB01–AB07 and AB10; the punctuation keys AC10, AB08 and AB09 are left out,
 * as the pinyin rows have no punctuation either), each with its unshifted
 * level and its shifted level (`null` where xkb has `VoidSymbol`). Six
 * letters (ژ ف گ خ ج ۆ) exist only on the shifted level.
 */

/** One key: its xkb key name and the character of each level. */
export interface UyghurKey {
  /** xkb key name, e.g. `AD01`. */
  code: string;
  /** Unshifted level. */
  base: string;
  /** Shifted level; null where the layout has none. */
  shifted: string | null;
}

const key = (code: string, base: string, shifted: string | null = null): UyghurKey => ({ code, base, shifted });

/** The three letter rows, top to bottom, keys left to right as on the physical keyboard. */
export const UYGHUR_ROWS: readonly (readonly UyghurKey[])[] = [
  [
    key('AD01', 'چ'),
    key('AD02', 'ۋ'),
    key('AD03', 'ې'),
    key('AD04', 'ر'),
    key('AD05', 'ت'),
    key('AD06', 'ي'),
    key('AD07', 'ۇ'),
    key('AD08', 'ڭ'),
    key('AD09', 'و'),
    key('AD10', 'پ'),
  ],
  [
    key('AC01', 'ھ'),
    key('AC02', 'س'),
    key('AC03', 'د', 'ژ'),
    key('AC04', 'ا', 'ف'),
    key('AC05', 'ە', 'گ'),
    key('AC06', 'ى', 'خ'),
    key('AC07', 'ق', 'ج'),
    key('AC08', 'ك', 'ۆ'),
    key('AC09', 'ل'),
  ],
  [
    key('AB01', 'ز'),
    key('AB02', 'ش'),
    key('AB03', 'غ'),
    key('AB04', 'ۈ'),
    key('AB05', 'ب'),
    key('AB06', 'ن'),
    key('AB07', 'م'),
    key('AB10', 'ئ', '؟'),
  ],
];

const TYPEABLE = new Set(UYGHUR_ROWS.flat().flatMap((k) => (k.shifted === null ? [k.base] : [k.base, k.shifted])));

/** True when `char` is on a key of {@link UYGHUR_ROWS} (either level), i.e. the Uyghur keyboard can type it. */
export function isUyghurKeyChar(char: string): boolean {
  return TYPEABLE.has(char);
}

/** What a key types (and shows) with shift on or off: the shifted level when shift is on and the key has one. */
export function uyghurKeyChar(key: UyghurKey, shift: boolean): string {
  return shift && key.shifted !== null ? key.shifted : key.base;
}
