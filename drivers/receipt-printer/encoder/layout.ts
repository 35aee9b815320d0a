/**
 * Column layout for a fixed-pitch receipt font: Font A is 12 dots per
 * single-width (ASCII) column; a Chinese character takes two columns.
 */

/** Dots per single-width column with Font A. */
export const COLUMN_DOTS = 12;

/** Display width of one character in columns (1 for ASCII and half-width, 2 otherwise). */
export function charColumns(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return 1;
  if (cp >= 0xff61 && cp <= 0xff9f) return 1;
  // Arabic-script letters (Uyghur) are about as wide as a Latin letter at the receipt's size.
  if (isArabicScript(cp)) return 1;
  return 2;
}

/** Arabic, Arabic Supplement and the Arabic presentation forms: the script Uyghur is written in (right to left, joined). */
export function isArabicScript(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
}

/** True when `text` holds right-to-left Arabic-script letters (it is then rasterised whole, shaped, see rasterizeText). */
export function hasArabicScript(text: string): boolean {
  for (const ch of text) if (isArabicScript(ch.codePointAt(0)!)) return true;
  return false;
}

/** Display width of a string in columns. */
export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** Characters that may not start a line (Chinese line-breaking rules, 行首禁则): closing punctuation. */
const NO_LINE_START: ReadonlySet<string> = new Set([...'。，、；：？！）」』】》〉〕”’…％·,.;:?!)]}%']);
/** Characters that may not end a line (行尾禁则): opening brackets and quotes. */
const NO_LINE_END: ReadonlySet<string> = new Set([...'（「『【《〈〔“‘([{']);

/**
 * Splits `text` into pieces of at most `columns` columns (never splits a
 * character), following the Chinese line-breaking rules: no line starts with
 * closing punctuation (never a lone "。") and none ends with an opening
 * bracket; the characters before such a break move down with it. Only when
 * that would not fit in one line does the plain cut stand.
 */
export function wrapColumns(text: string, columns: number): string[] {
  const out: string[] = [];
  let line: string[] = [];
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > columns && line.length > 0) {
      const carry: string[] = [];
      while (line.length > 1 && (NO_LINE_START.has(carry[0] ?? ch) || NO_LINE_END.has(line[line.length - 1]!))) carry.unshift(line.pop()!);
      if (textColumns(carry.join('') + ch) > columns) {
        line.push(...carry);
        carry.length = 0;
      }
      out.push(line.join(''));
      line = carry;
      used = textColumns(carry.join(''));
    }
    line.push(ch);
    used += w;
  }
  if (line.length > 0 || out.length === 0) out.push(line.join(''));
  return out;
}

/**
 * Lays out one label/value row: `label  ...  value` on one line when it fits
 * in `columns`; otherwise the label on its own line and the value wrapped
 * below, indented by two columns.
 */
export function labelValueRows(label: string, value: string, columns: number): string[] {
  const labelText = label.length > 0 ? `${label}：` : '';
  const used = textColumns(labelText) + textColumns(value);
  if (used <= columns) return [labelText + ' '.repeat(columns - used) + value];
  return [labelText, ...wrapColumns(value, columns - 2).map((v) => `  ${v}`)].filter((r) => r.length > 0);
}
