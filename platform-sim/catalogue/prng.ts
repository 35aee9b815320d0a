/**
 * A small seeded pseudo-random generator (mulberry32). Same seed, same
 * sequence on every run and platform: the catalogue must be reproducible.
 */
export class SeededRandom {
  private state: number;

  /** @param seed any 32-bit integer; other numbers are truncated to 32 bits. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty array; throws a RangeError on an empty one. */
  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty array');
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** True with probability `p` (0..1). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `count` distinct elements of `values` in their original order (fewer when the array is shorter). */
  sample<T>(values: readonly T[], count: number): T[] {
    const indexes = values.map((_, i) => i);
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    }
    return indexes
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((i) => values[i]!);
  }
}
