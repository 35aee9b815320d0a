/** One query of the relevance set (`bench/search-relevance/queries.json`). */
export interface RelevanceQuery {
  id: number;
  query: string;
  /** `tuning` may be looked at while tuning; `heldout` never. */
  half: 'tuning' | 'heldout';
  /** Item codes a person expects among the first three results. */
  expected: string[];
}

/** Precision at 3 and mean reciprocal rank over a set of queries. */
export interface RelevanceFigures {
  queries: number;
  /** Mean over queries of |expected ∩ top 3| / min(3, |expected|): 1 when the top 3 holds what it can of the expected items. */
  precisionAt3: number;
  /** Mean over queries of 1 / rank of the first expected item (0 when none is returned). */
  mrr: number;
}

/**
 * Scores ranked result codes against the expected codes. Precision at 3 is
 * normalised by min(3, |expected|), so a query with one right answer scores 1
 * when that answer is in the top 3 (plain P@3 would cap it at 1/3).
 */
export function relevanceFigures(queries: readonly RelevanceQuery[], ranked: (query: string) => readonly string[]): RelevanceFigures {
  let p = 0;
  let rr = 0;
  for (const q of queries) {
    const codes = ranked(q.query);
    const expected = new Set(q.expected);
    const hits = codes.slice(0, 3).filter((c) => expected.has(c)).length;
    p += hits / Math.min(3, expected.size);
    const first = codes.findIndex((c) => expected.has(c));
    rr += first < 0 ? 0 : 1 / (first + 1);
  }
  const n = Math.max(1, queries.length);
  return { queries: queries.length, precisionAt3: p / n, mrr: rr / n };
}
