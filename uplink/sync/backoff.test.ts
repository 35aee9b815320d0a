import { describe, expect, it } from 'vitest';
import { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';

describe('backoffDelayMs (full jitter)', () => {
  it('is zero before any failure', () => {
    expect(backoffDelayMs(0, () => 0.5)).toBe(0);
  });

  it('doubles the ceiling per failure from 1 s', () => {
    const top = (n: number) => backoffDelayMs(n, () => 1 - 1e-12);
    expect([1, 2, 3, 4].map(top)).toEqual([999, 1999, 3999, 7999]);
    expect(backoffDelayMs(3, () => 0.5)).toBe(2000);
  });

  it('caps the ceiling at 5 minutes, also for huge failure counts', () => {
    expect(backoffDelayMs(9, () => 0.5)).toBe(128_000);
    expect(backoffDelayMs(10, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
    expect(backoffDelayMs(10_000, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
  });

  it('spreads uniformly over [0, ceiling)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const samples = Array.from({ length: 4000 }, () => backoffDelayMs(4, rnd));
    const ceiling = BACKOFF_BASE_MS * 8;
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(ceiling);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean).toBeGreaterThan(ceiling * 0.45);
    expect(mean).toBeLessThan(ceiling * 0.55);
  });

  it('clamps a misbehaving random source', () => {
    expect(backoffDelayMs(1, () => 7)).toBeLessThan(1000);
    expect(backoffDelayMs(1, () => -1)).toBe(0);
  });
});
