/** Fen (1/100 yuan) as a yuan amount string with two decimals, e.g. 2000 → "20.00". */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
