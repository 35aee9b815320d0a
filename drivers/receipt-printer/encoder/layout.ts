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
  return 2;
}

/** Display width of a string in columns. */
export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** Splits `text` into pieces of at most `columns` columns (never splits a character). */
export function wrapColumns(text: string, columns: number): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > columns && line.length > 0) {
      out.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line.length > 0 || out.length === 0) out.push(line);
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
