/**
 * Rows as text columns, each as wide as its widest cell (two spaces between
 * columns, two before the first, no trailing spaces); '' for no rows.
 */
export function table(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`.trimEnd()).join('\n') + '\n';
}
