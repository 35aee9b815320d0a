/**
 * The catalogue search as it was before issue 19 (copied unchanged from
 * common/catalogue-search at 3413d82), kept only so the relevance bench can
 * measure the new ranking against it in the same run. Not used by the kiosk.
 * Only the files issue 19 changed are copied; the tokenizer, unchanged, is
 * the live one.
 */
import type { ServiceSummary } from '../../../common/contract/schemas';
import { matchTokens, prepareQuery, type TokenMatch } from './match-tokens';
import { isHan, normalizeText, tokenize, type TextToken } from '../../../common/catalogue-search/text-tokens';

/** A search request. */
export interface CatalogueQuery {
  /** Free text: Chinese, full pinyin (spaces optional), initials, or a mix. Empty lists everything. */
  query: string;
  /** Only items of this department (exact name). */
  department?: string;
  /** Only items whose code is in this list (e.g. a life-event bundle's `itemCodes`). */
  lifeEventCodes?: readonly string[];
  /** Only items whose `lifeEvents` (when present) include this bundle id. */
  lifeEvent?: string;
  /** Page size, default 20 (clamped to 1..1000). */
  limit?: number;
  /** Items to skip, default 0. */
  offset?: number;
}

/** One page of results and the number of all matches. */
export interface CatalogueSearchResult<T> {
  items: T[];
  total: number;
}

/** A built index; immutable, safe to share. */
export interface CatalogueIndex<T extends ServiceSummary = ServiceSummary> {
  /** Number of indexed items. */
  readonly size: number;
  /** Ranked search: name exact > name prefix > name substring > department/category > guide text. */
  search(query: CatalogueQuery): CatalogueSearchResult<T>;
}

interface Entry<T> {
  item: T;
  order: number;
  name: TextToken[];
  nameText: string;
  /** Bit per first letter of any syllable or literal letter/digit (a–z → 0–25, digits → 26). */
  initials: number;
  /** Bit per letter appearing anywhere in the name's syllables or literal letters/digits. */
  letters: number;
  /** Per name token, the bits of the letters it can be typed as first (one-letter queries need nothing else). */
  tokenInitials: Int32Array;
  department: TextToken[];
  category: TextToken[];
  guideText: string;
  lifeEvents: readonly string[] | null;
}

/** Items beyond this many are not indexed (sort keys reserve this span for the catalogue order). */
const ORDER_SPAN = 1_000_000;

const SCORE = { exact: 1000, prefix: 800, substring: 600, department: 300, category: 250, guide: 100 };

function initialBit(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << 26;
  return 0;
}

function initialsOf(tokens: readonly TextToken[]): number {
  let mask = 0;
  for (const t of tokens) {
    if (t.syllables.length === 0) mask |= initialBit(t.char);
    for (const s of t.syllables) mask |= initialBit(s[0] ?? '');
  }
  return mask;
}

function lettersOf(tokens: readonly TextToken[]): number {
  let mask = 0;
  for (const t of tokens) {
    if (t.syllables.length === 0) mask |= initialBit(t.char);
    for (const s of t.syllables) for (const ch of s) mask |= initialBit(ch);
  }
  return mask;
}

function latinMask(q: string): number {
  let mask = 0;
  for (const ch of q) mask |= initialBit(ch);
  return mask;
}

function singleLetterScore(tokenInitials: Int32Array, bit: number): number {
  for (let i = 0; i < tokenInitials.length; i++) {
    if ((tokenInitials[i]! & bit) !== 0) return tokenInitials.length === 1 ? SCORE.exact : i === 0 ? SCORE.prefix : SCORE.substring - Math.min(i, 50);
  }
  return 0;
}

function nameScore(m: TokenMatch | null): number {
  if (!m) return 0;
  if (m.whole) return SCORE.exact;
  return m.start === 0 ? SCORE.prefix : SCORE.substring - Math.min(m.start, 50);
}

/**
 * Builds a search index over catalogue items (summaries or details). Pinyin is
 * computed once per name here; a search touches no pinyin library. Pure: no
 * I/O; the returned items are the objects passed in.
 *
 * @example
 * const index = createCatalogueIndex(items);
 * index.search({ query: 'sbcx', limit: 10 }).items[0].name; // '社保查询'
 */
export function createCatalogueIndex<T extends ServiceSummary>(items: readonly T[]): CatalogueIndex<T> {
  const tokenCache = new Map<string, TextToken[]>();
  const cachedTokens = (text: string): TextToken[] => {
    let t = tokenCache.get(text);
    if (!t) {
      t = tokenize(text);
      tokenCache.set(text, t);
    }
    return t;
  };
  const entries: Entry<T>[] = items.slice(0, ORDER_SPAN).map((item, order) => {
    const name = tokenize(item.name);
    const guide = (item as { guide?: { summary?: string } }).guide;
    const lifeEvents = (item as { lifeEvents?: readonly string[] }).lifeEvents;
    return {
      item,
      order,
      name,
      nameText: name.map((t) => t.char).join(''),
      initials: initialsOf(name),
      letters: lettersOf(name),
      tokenInitials: Int32Array.from(name, (t) => initialsOf([t])),
      department: cachedTokens(item.department),
      category: cachedTokens(item.category),
      guideText: guide?.summary ? normalizeText(guide.summary) : '',
      lifeEvents: Array.isArray(lifeEvents) ? lifeEvents : null,
    };
  });

  return {
    size: entries.length,
    search(request) {
      const q = normalizeText(request.query.slice(0, 100));
      const limit = Math.min(1000, Math.max(1, Math.floor(request.limit ?? 20)));
      const offset = Math.max(0, Math.floor(request.offset ?? 0));
      const codes = request.lifeEventCodes ? new Set(request.lifeEventCodes) : null;
      const pureHan = q !== '' && Array.from(q).every(isHan);
      const prepared = prepareQuery(q);
      const firstBit = q === '' || prepared.han[0] ? 0 : initialBit(q[0]!);
      const needLetters = latinMask(q);
      const hanChars = prepared.chars.filter((_, i) => prepared.han[i]);
      const fieldHits = new Map<TextToken[], boolean>();
      const fieldMatches = (tokens: TextToken[]): boolean => {
        let hit = fieldHits.get(tokens);
        if (hit === undefined) {
          hit = matchTokens(prepared, tokens) !== null;
          fieldHits.set(tokens, hit);
        }
        return hit;
      };
      // Sort keys pack (score desc, name length asc, catalogue order asc) into one number: a typed-array sort is several times faster than objects.
      const keys: number[] = [];

      for (const e of entries) {
        if (request.department !== undefined && e.item.department !== request.department) continue;
        if (codes && !codes.has(e.item.code)) continue;
        if (request.lifeEvent !== undefined && !(e.lifeEvents ?? []).includes(request.lifeEvent)) continue;
        if (q === '') {
          keys.push(e.order);
          continue;
        }
        let score = 0;
        if (pureHan) {
          const at = e.nameText.indexOf(q);
          if (at >= 0) score = q.length === e.nameText.length ? SCORE.exact : at === 0 ? SCORE.prefix : SCORE.substring - Math.min(at, 50);
        } else if (q.length === 1) {
          score = singleLetterScore(e.tokenInitials, firstBit);
        } else if (
          (firstBit === 0 || (e.initials & firstBit) !== 0) &&
          (e.letters & needLetters) === needLetters &&
          hanChars.every((c) => e.nameText.includes(c))
        ) {
          score = nameScore(matchTokens(prepared, e.name));
        }
        if (score === 0 && fieldMatches(e.department)) score = SCORE.department;
        if (score === 0 && fieldMatches(e.category)) score = SCORE.category;
        if (score === 0 && pureHan && e.guideText.includes(q)) score = SCORE.guide;
        if (score > 0) keys.push(((SCORE.exact - score) * 1000 + Math.min(e.nameText.length, 999)) * ORDER_SPAN + e.order);
      }

      const sorted = Float64Array.from(keys);
      if (q !== '') sorted.sort();
      const page: T[] = [];
      for (let i = offset; i < Math.min(sorted.length, offset + limit); i++) page.push(entries[sorted[i]! % ORDER_SPAN]!.item);
      return { items: page, total: sorted.length };
    },
  };
}
