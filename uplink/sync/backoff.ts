/** Backoff base delay: 1 s. */
export const BACKOFF_BASE_MS = 1_000;
/** Backoff cap: 5 min. */
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter ("Exponential Backoff And Jitter",
 * AWS Architecture Blog): after `failures` consecutive failures (≥ 1) the
 * wait is uniform in [0, min(cap, base · 2^(failures−1))) ms. `random` must
 * return [0, 1); the result is a whole number of ms. `failures` ≤ 0 gives 0.
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 52));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}
