import { describe, expect, it } from 'vitest';
import { relevanceFigures, type RelevanceQuery } from './relevance-metrics';

const q = (query: string, expected: string[]): RelevanceQuery => ({ id: 1, query, half: 'tuning', expected });

describe('relevanceFigures', () => {
  it('normalises precision at 3 by the number of expected items and takes the first hit for MRR', () => {
    const results: Record<string, string[]> = { a: ['x', 'A', 'y'], b: ['B1', 'B2', 'z', 'B3'], c: ['n'] };
    const f = relevanceFigures([q('a', ['A']), q('b', ['B1', 'B2', 'B3']), q('c', ['C'])], (s) => results[s] ?? []);
    expect(f.queries).toBe(3);
    expect(f.precisionAt3).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
    expect(f.mrr).toBeCloseTo((1 / 2 + 1 + 0) / 3, 10);
  });
});
