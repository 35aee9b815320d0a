import { isHan, type TextToken } from '../../../common/catalogue-search/text-tokens';

/** Where a query matched a token sequence. */
export interface TokenMatch {
  /** Index of the first matched token (0 = the name starts with the query). */
  start: number;
  /** True when the query covers the whole sequence. */
  whole: boolean;
}

/** A query prepared once per search: its characters and which are Han. */
export interface PreparedQuery {
  chars: string[];
  han: boolean[];
  /** For each position, how many Latin letters/digits follow without a Han character (itself included). */
  latinRun: number[];
}

/** Prepares a normalised query for {@link matchTokens}. */
export function prepareQuery(normalized: string): PreparedQuery {
  const chars = Array.from(normalized);
  const han = chars.map(isHan);
  const latinRun = new Array<number>(chars.length).fill(0);
  for (let i = chars.length - 1; i >= 0; i--) latinRun[i] = han[i] ? 0 : 1 + (latinRun[i + 1] ?? 0);
  return { chars, han, latinRun };
}

let failed = new Uint8Array(4096);
let q: PreparedQuery = { chars: [], han: [], latinRun: [] };
let toks: readonly TextToken[] = [];
let width = 1;

function run(qi: number, ti: number, whole: number): boolean {
  const qn = q.chars.length;
  const n = toks.length;
  if (qi === qn) return whole === 0 || ti === n;
  if (ti === n) return false;
  const slot = ((qi * width + ti) << 1) | whole;
  if (failed[slot] === 1) return false;
  const tok = toks[ti]!;
  let ok = false;
  if (q.han[qi] || tok.syllables.length === 0) {
    ok = tok.char === q.chars[qi] && run(qi + 1, ti + 1, whole);
  } else {
    const room = q.latinRun[qi]!;
    const chars = q.chars;
    for (const s of tok.syllables) {
      let common = 0;
      const max = s.length < room ? s.length : room;
      while (common < max && s[common] === chars[qi + common]) common++;
      for (let k = common; k >= 1 && !ok; k--) ok = run(qi + k, ti + 1, whole);
      if (ok) break;
    }
  }
  if (!ok) failed[slot] = 1;
  return ok;
}

/**
 * Matches a prepared query against tokens. A Han character in the query must
 * equal the token's character; a run of Latin letters is consumed by
 * consecutive tokens, each taking any non-empty prefix of one of its syllables
 * (so `sbcx`, `shebaochaxun`, `shebcx` and `社保cx` all match 社保查询); letters
 * and digits in the name match themselves. Returns the earliest match (a whole
 * match first), or null. Failed (query position, token) pairs are memoised, so
 * the cost is at most query length × tokens × readings. Not re-entrant (shares
 * module scratch state), which is fine on a single thread.
 */
export function matchTokens(query: PreparedQuery, tokens: readonly TextToken[]): TokenMatch | null {
  const qn = query.chars.length;
  const n = tokens.length;
  if (qn === 0) return { start: 0, whole: n === 0 };
  if (qn > n * 6 + 6) return null;
  q = query;
  toks = tokens;
  width = n + 1;
  const size = (qn + 1) * width * 2;
  if (failed.length < size) failed = new Uint8Array(size * 2);
  else failed.fill(0, 0, size);
  // Each token consumes at least one query character, so a whole match needs qn >= n.
  if (qn >= n && run(0, 0, 1)) return { start: 0, whole: true };
  const first = query.chars[0]!;
  const firstHan = query.han[0]!;
  for (let start = 0; start < n; start++) {
    const tok = tokens[start]!;
    if (firstHan || tok.syllables.length === 0 ? tok.char !== first : !tok.syllables.some((s) => s[0] === first)) continue;
    if (run(0, start, 0)) return { start, whole: false };
  }
  return null;
}
