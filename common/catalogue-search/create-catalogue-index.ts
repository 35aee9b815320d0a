import type { ServiceSummary } from '../contract/schemas';
import { matchTokens, prepareQuery, type MatchMode, type PreparedQuery } from './match-tokens';
import { DEFAULT_SYNONYMS, type SynonymEntry } from './synonyms';
import { normalizeText, tokenize, type TextToken } from './text-tokens';

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
  /** Ranked search, see {@link createCatalogueIndex}. */
  search(query: CatalogueQuery): CatalogueSearchResult<T>;
}

/** Options of {@link createCatalogueIndex}. */
export interface CatalogueIndexOptions<T> {
  /** The everyday words the platform's catalogue carries for an item (`keywords`); default: the item's own `keywords` field when it has one. */
  keywords?: (item: T) => readonly string[] | undefined;
  /** Kiosk-side synonym table, default {@link DEFAULT_SYNONYMS}. */
  synonyms?: readonly SynonymEntry[];
  /**
   * How often an item was started at this terminal, read at search time.
   * Gives at most {@link POPULARITY_CAP} popularity points; popularity orders
   * only items whose match scores the same, so it never lifts a weaker match
   * over a better one.
   */
  popularity?: (code: string) => number;
  /**
   * Cases the platform handled for an item over the last year in its region
   * (the catalogue's `casesLastYear`); default: the item's own field when it
   * has one, else 0. Like {@link popularity} it orders only equally good matches.
   */
  demand?: (item: T) => number | undefined;
}

/** Most popularity points local use can give (3 per doubling of the uses at this terminal). */
export const POPULARITY_CAP = 9;
const TIER_STEP = 50;
/** Sort-key span of the order within one score (popularity points × 16, capped). */
const SECONDARY_SPAN = 1024;

/**
 * Kinds of match, best first. Letters typed for the start of the name get
 * +20 within their tier, later ones lose up to 15 by position (initials in the
 * middle of a name often cross a word); Chinese text counts wherever it stands
 * in the name's main part (城乡居民养老保险参保登记 is as much 养老保险 as
 * 养老保险关系转移接续申请). Popularity never changes the kind: it orders
 * items within one score.
 */
const TIER = {
  exact: 1000,
  pinyinWhole: 950,
  // A whole word: what the person typed or what they mean by it (keyword, synonym) is one kind.
  hanMain: 850,
  keyword: 850,
  synonymHan: 850,
  hanQualifier: 700,
  pinyinFull: 650,
  synonymPinyin: 560,
  keywordPinyin: 540,
  initials: 500,
  qualifierPinyin: 450,
  mixed: 400,
  coverage: 350,
  department: 330,
  category: 320,
  scattered: 300,
  guide: 150,
  partialCoverage: 100,
};

interface Segment {
  tokens: TextToken[];
  text: string;
}

interface Entry<T> {
  item: T;
  order: number;
  nameText: string;
  /** The name split at brackets and list commas: the main part first, then qualifiers such as （城东区）. */
  segments: Segment[];
  /** First letters of every syllable reading, per name token (for scattered-letter matches). */
  initials: string[][];
  /** Bit per letter (a–z, digits as one bit) any reading of the name can be typed with. */
  nameLetters: number;
  keywords: string[];
  /** Popularity points from the region's demand: log2(1 + cases last year). */
  demandPoints: number;
  keywordTokens: TextToken[][];
  keywordLetters: number;
  /** Name and keywords, for "all words present" matches. */
  haystack: string;
  department: TextToken[];
  category: TextToken[];
  guideText: string;
  lifeEvents: readonly string[] | null;
}

interface PreparedSynonym {
  terms: string[];
  termTokens: TextToken[][];
  means: string[][];
}

/** Items beyond this many are not indexed (sort keys reserve this span for the catalogue order). */
const ORDER_SPAN = 1_000_000;
const MAX_KEYWORDS = 20;

function letterBit(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << 26;
  return 0;
}

function lettersOf(tokens: readonly TextToken[]): number {
  let mask = 0;
  for (const t of tokens) {
    if (t.syllables.length === 0) mask |= letterBit(t.char);
    for (const s of t.syllables) for (const ch of s) mask |= letterBit(ch);
  }
  return mask;
}

function segmentsOf(name: string): Segment[] {
  const parts = name.split(/[（）()【】[\]、，,/]/).map((p) => normalizeText(p)).filter((p) => p !== '');
  return parts.map((text) => ({ text, tokens: tokenize(text) }));
}

function withinTier(base: number, start: number): number {
  return start === 0 ? base + 20 : base - Math.min(start, 15);
}

function singleLetterScore(segment: Segment, letter: string): number {
  const toks = segment.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const hit = t.syllables.length === 0 ? t.char === letter : t.syllables.some((s) => s[0] === letter);
    if (hit) return toks.length === 1 ? TIER.exact : withinTier(TIER.initials, i);
  }
  return 0;
}

/** Best pinyin match of a Latin (or mixed) query in one segment: whole, full syllables, initials, or any prefixes. */
function pinyinScore(q: PreparedQuery, segment: Segment, main: boolean, wholeName: boolean): number {
  const any = matchTokens(q, segment.tokens);
  if (!any) return 0;
  if (any.whole && wholeName) return TIER.pinyinWhole;
  if (!main) return withinTier(TIER.qualifierPinyin, any.start);
  const modes: [MatchMode, number][] = [
    ['full', TIER.pinyinFull],
    ['initials', TIER.initials],
  ];
  for (const [mode, tier] of modes) {
    const m = matchTokens(q, segment.tokens, mode);
    if (m) return m.whole ? tier + 40 : withinTier(tier, m.start);
  }
  return any.whole ? TIER.mixed + 40 : withinTier(TIER.mixed, any.start);
}

/** Letters of the query found in order among the syllable initials of the name; smaller span is better. */
function scatteredScore(letters: string, initials: string[][]): number {
  if (letters.length < 3) return 0;
  let li = 0;
  let first = -1;
  for (let i = 0; i < initials.length && li < letters.length; i++) {
    if (initials[i]!.includes(letters[li]!)) {
      if (first < 0) first = i;
      li++;
    }
  }
  if (li < letters.length || first !== 0) return 0;
  return TIER.scattered - Math.min(initials.length - letters.length, 40);
}

/**
 * Builds a search index over catalogue items (summaries or details). Pinyin is
 * computed once per name here; a search touches no pinyin library. Pure: no
 * I/O; the returned items are the objects passed in.
 *
 * Ranking, best first: the whole name; the whole name in pinyin; a whole
 * word, one kind however it names the item: the Chinese text in the name's
 * main part (before a bracketed qualifier), one of the item's keywords, or a
 * synonym of the typed word in the name or keywords (社保 → 社会保障卡申领);
 * the Chinese text in a qualifier; full pinyin; a synonym typed in pinyin or initials
 * (sbk → 社会保障卡); a keyword typed in pinyin; initials (+30 when the
 * letters also name a synonym or keyword of the item); any pinyin prefixes; every
 * typed word somewhere in the name or keywords (身份证丢了); department;
 * category; scattered initials (sbzm: 社会保险参保缴费证明打印); guide text. Equal scores go to
 * the more popular item: log2(1 + the region's cases last year) plus, for
 * local use, 3 per doubling of the uses at this terminal (at most
 * {@link POPULARITY_CAP}); then the shorter name, then catalogue order.
 *
 * @example
 * const index = createCatalogueIndex(items);
 * index.search({ query: 'sbcx', limit: 10 }).items[0].name; // '社保查询'
 */
export function createCatalogueIndex<T extends ServiceSummary>(items: readonly T[], options: CatalogueIndexOptions<T> = {}): CatalogueIndex<T> {
  const keywordsOf = options.keywords ?? ((item: T) => (item as { keywords?: readonly string[] }).keywords);
  const popularity = options.popularity;
  const demandOf = options.demand ?? ((item: T) => (item as { casesLastYear?: number }).casesLastYear);
  const tokenCache = new Map<string, TextToken[]>();
  const cachedTokens = (text: string): TextToken[] => {
    let t = tokenCache.get(text);
    if (!t) {
      t = tokenize(text);
      tokenCache.set(text, t);
    }
    return t;
  };
  const synonyms: PreparedSynonym[] = (options.synonyms ?? DEFAULT_SYNONYMS).map((s) => {
    const terms = s.terms.map(normalizeText).filter((t) => t !== '');
    return { terms, termTokens: terms.map(cachedTokens), means: s.means.map((m) => m.split(/\s+/).map(normalizeText).filter((w) => w !== '')) };
  });
  const entries: Entry<T>[] = items.slice(0, ORDER_SPAN).map((item, order) => {
    const guide = (item as { guide?: { summary?: string } }).guide;
    const lifeEvents = (item as { lifeEvents?: readonly string[] }).lifeEvents;
    const raw = keywordsOf(item);
    const keywords = Array.isArray(raw) ? [...new Set(raw.slice(0, MAX_KEYWORDS).map(normalizeText).filter((k) => k !== ''))] : [];
    const nameTokens = tokenize(item.name);
    const nameText = nameTokens.map((t) => t.char).join('');
    return {
      item,
      order,
      nameText,
      segments: segmentsOf(item.name),
      initials: nameTokens.map((t) => (t.syllables.length === 0 ? [t.char] : [...new Set(t.syllables.map((s) => s[0]!))])),
      nameLetters: lettersOf(nameTokens),
      keywords,
      demandPoints: Math.log2(1 + Math.max(0, demandOf(item) ?? 0)),
      keywordTokens: keywords.map(cachedTokens),
      keywordLetters: keywords.reduce((m, k) => m | lettersOf(cachedTokens(k)), 0),
      haystack: [nameText, ...keywords].join('|'),
      department: cachedTokens(item.department),
      category: cachedTokens(item.category),
      guideText: guide?.summary ? normalizeText(guide.summary) : '',
      lifeEvents: Array.isArray(lifeEvents) ? lifeEvents : null,
    };
  });

  const hasAll = (haystack: string, words: readonly string[]) => words.every((w) => haystack.includes(w));

  return {
    size: entries.length,
    search(request) {
      const q = normalizeText(request.query.slice(0, 100));
      const limit = Math.min(1000, Math.max(1, Math.floor(request.limit ?? 20)));
      const offset = Math.max(0, Math.floor(request.offset ?? 0));
      const codes = request.lifeEventCodes ? new Set(request.lifeEventCodes) : null;
      const prepared = prepareQuery(q);
      const pureHan = q !== '' && prepared.han.every(Boolean);
      const pureLatin = q !== '' && prepared.han.every((h) => !h);
      // Synonym entries the whole query names, in Chinese or in pinyin (full, initials or a mix).
      const hanSynonyms: string[][][] = [];
      const pinyinSynonyms: string[][][] = [];
      // For a Chinese query: each synonym term inside it may be satisfied by any of its meanings.
      const units: { alternatives: string[][]; weight: number }[] = [];
      if (q !== '') {
        for (const s of synonyms) {
          if (pureHan && s.terms.includes(q)) hanSynonyms.push(s.means);
          else if (!pureHan && s.termTokens.some((t) => matchTokens(prepared, t)?.whole)) pinyinSynonyms.push(s.means);
        }
        if (pureHan) {
          let rest = q;
          const found = synonyms
            .flatMap((s) => s.terms.map((term) => ({ term, means: s.means })))
            .filter((x) => x.term.length >= 2 && q.includes(x.term))
            .sort((a, b) => b.term.length - a.term.length);
          for (const f of found) {
            if (!rest.includes(f.term)) continue;
            rest = rest.replace(f.term, ' ');
            units.push({ alternatives: [[f.term], ...f.means], weight: f.term.length });
          }
          for (const chunk of rest.split(' ').filter((c) => c !== '')) {
            for (const ch of chunk) units.push({ alternatives: [[ch]], weight: 1 });
          }
        }
      }
      const unitWeight = units.reduce((n, u) => n + u.weight, 0);
      const letters = pureLatin ? q : '';
      let needLetters = 0;
      for (let i = 0; i < prepared.chars.length; i++) if (!prepared.han[i]) needLetters |= letterBit(prepared.chars[i]!);
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
        const better = (s: number) => {
          if (s > score) score = s;
        };
        if (pureHan) {
          if (e.nameText === q) better(TIER.exact);
          else {
            e.segments.forEach((seg, i) => {
              const at = seg.text.indexOf(q);
              if (at >= 0) better(i === 0 ? TIER.hanMain : TIER.hanQualifier);
            });
            if (e.keywords.includes(q)) better(TIER.keyword);
            if (score < TIER.synonymHan && hanSynonyms.some((means) => means.some((words) => hasAll(e.haystack, words)))) better(TIER.synonymHan);
            if (score === 0 && units.length > 0) {
              let covered = 0;
              for (const u of units) if (u.alternatives.some((words) => hasAll(e.haystack, words))) covered += u.weight;
              if (covered === unitWeight) better(TIER.coverage);
              else if (covered >= 2 && covered * 3 >= unitWeight * 2) better(TIER.partialCoverage);
            }
          }
        } else if (pureLatin && q.length === 1) {
          e.segments.forEach((seg, i) => better(i === 0 ? singleLetterScore(seg, q) : Math.min(TIER.qualifierPinyin, singleLetterScore(seg, q))));
        } else {
          const nameCan = (e.nameLetters & needLetters) === needLetters && hanChars.every((c) => e.nameText.includes(c));
          if (nameCan) e.segments.forEach((seg, i) => better(pinyinScore(prepared, seg, i === 0, e.segments.length === 1)));
          const named = score;
          if (score < TIER.synonymPinyin && pinyinSynonyms.some((means) => means.some((words) => hasAll(e.haystack, words)))) better(TIER.synonymPinyin);
          if (score < TIER.keywordPinyin && (e.keywordLetters & needLetters) === needLetters && e.keywordTokens.some((t) => matchTokens(prepared, t)?.whole)) better(TIER.keywordPinyin);
          // Typed letters that spell the name and also name an everyday word for it (sb: 社保查询) beat either alone.
          if (named >= TIER.initials && score > named) score += 30;
        }
        if (score === 0 && fieldMatches(e.department)) score = TIER.department;
        if (score === 0 && fieldMatches(e.category)) score = TIER.category;
        if (score === 0 && letters && (e.nameLetters & needLetters) === needLetters) score = scatteredScore(letters, e.initials);
        if (score === 0 && pureHan && e.guideText.includes(q)) score = TIER.guide;
        if (score === 0) continue;
        let points = e.demandPoints;
        if (popularity) {
          const uses = popularity(e.item.code);
          if (uses > 0) points += Math.min(POPULARITY_CAP, 3 * Math.log2(1 + uses));
        }
        const secondary = SECONDARY_SPAN - 1 - Math.min(SECONDARY_SPAN - 1, Math.round(16 * points));
        keys.push((((TIER.exact + TIER_STEP - score) * SECONDARY_SPAN + secondary) * 1000 + Math.min(e.nameText.length, 999)) * ORDER_SPAN + e.order);
      }

      const sorted = Float64Array.from(keys);
      if (q !== '') sorted.sort();
      const page: T[] = [];
      for (let i = offset; i < Math.min(sorted.length, offset + limit); i++) page.push(entries[sorted[i]! % ORDER_SPAN]!.item);
      return { items: page, total: sorted.length };
    },
  };
}
