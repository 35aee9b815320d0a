/** Small statistics and output helpers shared by the `bench/ui-*` scripts. */

/** The p-th percentile (nearest rank) of `values`; NaN when empty. Does not modify `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** The median (p50) of `values`. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Least-squares slope of `ys` over `xs` (units of y per unit of x). NaN when
 * fewer than two points.
 */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Formats a number with `digits` decimals. */
export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

/** Prints one figure in the bench format `name: value unit (goal: …)`. */
export function figure(name: string, value: number | string, unit: string, goal = 'informational'): void {
  const v = typeof value === 'number' ? fmt(value) : value;
  process.stdout.write(`${name}: ${v} ${unit} (goal: ${goal})\n`);
}

/** Prints a note line (not a figure): context a reader needs to judge the figures. */
export function note(text: string): void {
  process.stdout.write(`# ${text}\n`);
}
