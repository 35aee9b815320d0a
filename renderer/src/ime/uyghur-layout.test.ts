import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUyghurKeyChar, UYGHUR_ROWS, uyghurKeyChar } from './uyghur-layout';

const XKB_CN = '/usr/share/X11/xkb/symbols/cn';

/** The 32 letters of the modern Uyghur (Arabic-script) alphabet, in alphabetical order. */
const ALPHABET = ['ا', 'ە', 'ب', 'پ', 'ت', 'ج', 'چ', 'خ', 'د', 'ر', 'ز', 'ژ', 'س', 'ش', 'غ', 'ف', 'ق', 'ك', 'گ', 'ڭ', 'ل', 'م', 'ن', 'ھ', 'و', 'ۇ', 'ۆ', 'ۈ', 'ۋ', 'ې', 'ى', 'ي'];
/** Hamza on a yeh carrier, written before a word-initial vowel. */
const HAMZA = 'ئ';

/** The keysym names the `ug` section uses besides Unicode keysyms (`0x100XXXX`), as in xkb's keysymdef. */
const NAMED_KEYSYMS: Record<string, string | null> = {
  VoidSymbol: null,
  Arabic_semicolon: '\u061b',
  Arabic_comma: '\u060c',
  Arabic_question_mark: '\u061f',
  period: '.',
  colon: ':',
};

function keysym(name: string): string | null {
  const unicode = /^0x100([0-9a-fA-F]{4,5})$/.exec(name);
  if (unicode) return String.fromCodePoint(parseInt(unicode[1]!, 16));
  if (name in NAMED_KEYSYMS) return NAMED_KEYSYMS[name]!;
  throw new Error(`unknown keysym ${name}`);
}

/** The letter-row keys (AD, AC, AB) of `xkb_symbols "ug"` with both levels, in file order. */
function parseUg(text: string): Map<string, { base: string | null; shifted: string | null }> {
  const section = /xkb_symbols\s+"ug"\s*\{([\s\S]*?)\n\};/.exec(text)?.[1];
  if (!section) throw new Error('no xkb_symbols "ug" section');
  const keys = new Map<string, { base: string | null; shifted: string | null }>();
  for (const m of section.matchAll(/key\s+<(A[DCB]\d\d)>\s*\{\s*\[\s*([\w]+)\s*,\s*([\w]+)\s*\]\s*\}/g)) {
    if (/^(bracket|guillemot)/.test(m[2]!)) continue;
    keys.set(m[1]!, { base: keysym(m[2]!), shifted: keysym(m[3]!) });
  }
  return keys;
}

const keys = UYGHUR_ROWS.flat();
const typeable = keys.flatMap((k) => [k.base, k.shifted]).filter((c): c is string => c !== null);

describe('Uyghur keyboard layout', () => {
  it('types every letter of the alphabet and the hamza carrier, each key one character', () => {
    expect(ALPHABET).toHaveLength(32);
    for (const letter of [...ALPHABET, HAMZA]) expect(typeable, letter).toContain(letter);
    for (const c of typeable) expect([...c]).toHaveLength(1);
    expect(keys.map((k) => k.base).filter((c) => !ALPHABET.includes(c) && c !== HAMZA)).toEqual([]);
    expect(new Set(typeable).size).toBe(typeable.length);
    for (const c of typeable) expect(isUyghurKeyChar(c)).toBe(true);
    expect(isUyghurKeyChar('a')).toBe(false);
    expect(isUyghurKeyChar('')).toBe(false);
  });

  it('shift gives the shifted level where a key has one, the unshifted level otherwise', () => {
    const d = keys.find((k) => k.code === 'AC03')!;
    const s = keys.find((k) => k.code === 'AC02')!;
    expect([uyghurKeyChar(d, false), uyghurKeyChar(d, true), uyghurKeyChar(s, true)]).toEqual(['د', 'ژ', 'س']);
  });

  it.runIf(existsSync(XKB_CN))('matches xkb cn(ug) key for key, both levels', () => {
    const xkb = parseUg(readFileSync(XKB_CN, 'utf8'));
    const letterKeys = [...xkb].filter(([, v]) => v.base !== null && /\p{L}/u.test(v.base)).map(([code]) => code);
    // Every letter key of the xkb rows, in the xkb order, and nothing else.
    expect(keys.map((k) => k.code)).toEqual(letterKeys);
    for (const k of keys) expect({ code: k.code, base: k.base, shifted: k.shifted }).toEqual({ code: k.code, ...xkb.get(k.code) });
    // Rows as on the keyboard: AD, AC, AB.
    expect(UYGHUR_ROWS.map((row) => [...new Set(row.map((k) => k.code.slice(0, 2)))])).toEqual([['AD'], ['AC'], ['AB']]);
  });
});
