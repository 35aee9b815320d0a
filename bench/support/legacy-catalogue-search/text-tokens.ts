import { pinyin } from 'pinyin-pro';

/** One searchable character: the character itself and the pinyin syllables it may be typed as. */
export interface TextToken {
  /** The character, lower-cased (a Han character, a Latin letter or a digit). */
  char: string;
  /** Toneless lower-case syllables (Han only; empty for Latin letters and digits). */
  syllables: string[];
}

const readingsCache = new Map<string, string[]>();

/** Spellings a person may type for a syllable: `ü` as `v` and as `u`. */
function spellings(syllable: string): string[] {
  const s = syllable.toLowerCase();
  return s.includes('ü') ? [s.replace(/ü/g, 'v'), s.replace(/ü/g, 'u')] : [s];
}

function readingsOf(char: string): string[] {
  let cached = readingsCache.get(char);
  if (!cached) {
    cached = [...new Set(pinyin(char, { toneType: 'none', type: 'array', multiple: true }).flatMap(spellings))];
    readingsCache.set(char, cached);
  }
  return cached;
}

/**
 * True for a Han (Chinese) character: CJK Unified Ideographs, Extension A,
 * compatibility ideographs and Extensions B–F (range checks: several times
 * faster than a Unicode property regex).
 */
export function isHan(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2ebef)
  );
}

/**
 * Normalises free text for matching: NFKC (full-width → half-width), lower
 * case, and drops everything but Han characters, Latin letters and digits
 * (spaces, apostrophes, brackets, punctuation).
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const c = ch.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || isHan(ch)) out += ch;
  }
  return out;
}

/**
 * Tokenises a name for pinyin matching. Each Han character gets every reading
 * (cached per character), so a polyphonic character (行 xing/hang) matches
 * however it is typed. Per-character lookups instead of pinyin-pro's word
 * segmentation keep building 3,000 names well under 100 ms; the matcher tries
 * every reading anyway, so context would only reorder them.
 */
export function tokenize(text: string): TextToken[] {
  return Array.from(normalizeText(text), (char) => ({ char, syllables: isHan(char) ? readingsOf(char) : [] }));
}
