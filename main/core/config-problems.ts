import type { z } from 'zod';
import type { ConfigPlace, ConfigProblem } from './config-file';

/**
 * The configuration could not be used. `problems` has one entry per problem
 * (file, line, column, Chinese and English); `message` is the header line and
 * then one line per problem, ready to print. Start-up and kioskctl print it
 * and exit 2.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: ConfigProblem[];
  /** Problems are put in file order (line, then column) and exact repeats dropped. */
  constructor(problems: readonly ConfigProblem[]) {
    const ordered = orderProblems(problems);
    super(formatConfigProblems(ordered));
    this.problems = ordered;
  }
}

/** Problems in file order (line, then column; non-file sources first), exact repeats dropped. */
export function orderProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatConfigProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** `SOURCE:LINE:COLUMN: field: 中文 / English` (no line and column for a non-file source). */
export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.line === null ? p.source : `${p.source}:${p.line}:${p.column}`;
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.zh} / ${p.en}`;
}

/** Header line, then one indented line per problem. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  const n = problems.length;
  const header = `配置有 ${n} 处错误 / invalid kiosk configuration: ${n} problem${n === 1 ? '' : 's'}`;
  return [header, ...problems.map((p) => `  ${formatConfigProblem(p)}`)].join('\n');
}

const TYPE_WORDS: Record<string, { zh: string; en: string }> = {
  string: { zh: '文字（带双引号）', en: 'text in double quotes' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  object: { zh: '对象 { … }', en: 'an object { … }' },
  array: { zh: '数组 [ … ]', en: 'a list [ … ]' },
  null: { zh: 'null', en: 'null' },
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest known field name, when it is close enough to be a misspelling. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const lower = [key.toLowerCase(), k.toLowerCase()];
    if (key.length >= 4 && (lower[1]!.startsWith(lower[0]!) || lower[0]!.startsWith(lower[1]!))) return k;
    // A name cut short and misspelt ("idleTimout") is compared with the start of the known name too.
    const d = Math.min(distance(key, k), key.length >= 5 ? distance(key, k.slice(0, key.length)) : Infinity);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** Words for one zod issue (not for unrecognized keys or a partial theme, handled by the caller). */
function words(issue: z.core.$ZodIssue, input: unknown): { zh: string; en: string } {
  const actual = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_WORDS[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      if (actual === undefined) return { zh: `缺少这一项（应为${want.zh}）`, en: `missing (${want.en} is required)` };
      const got = TYPE_WORDS[typeOf(actual)] ?? { zh: typeOf(actual), en: typeOf(actual) };
      return { zh: `应为${want.zh}，这里写的是${got.zh}`, en: `must be ${want.en}, not ${got.en}` };
    }
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v));
      return { zh: `只能是 ${list.join('、')} 之一，这里写的是 ${JSON.stringify(actual)}`, en: `must be one of ${list.join(', ')}, not ${JSON.stringify(actual)}` };
    }
    case 'too_small': {
      const bound = `${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
      if (issue.origin === 'string') return { zh: '不能为空', en: 'must not be empty' };
      return { zh: `必须 ${bound}，这里写的是 ${JSON.stringify(actual)}`, en: `must be ${bound}, not ${JSON.stringify(actual)}` };
    }
    case 'too_big': {
      if (issue.origin === 'string') return { zh: `最长 ${String(issue.maximum)} 个字符`, en: `at most ${String(issue.maximum)} characters` };
      return { zh: `必须 ≤ ${String(issue.maximum)}，这里写的是 ${JSON.stringify(actual)}`, en: `must be ≤ ${String(issue.maximum)}, not ${JSON.stringify(actual)}` };
    }
    case 'invalid_format': {
      if (issue.format === 'url') return { zh: `应为完整网址（如 https://zwfw.example.gov.cn），这里写的是 ${JSON.stringify(actual)}`, en: `must be a full URL (e.g. https://zwfw.example.gov.cn), not ${JSON.stringify(actual)}` };
      return { zh: `格式不对：${JSON.stringify(actual)}`, en: `wrong format: ${JSON.stringify(actual)}` };
    }
    case 'custom': {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      return { zh: typeof zh === 'string' ? zh : issue.message, en: issue.message };
    }
    default:
      return { zh: `不合法：${issue.message}`, en: `invalid: ${issue.message}` };
  }
}

/** Options of {@link problemsFromIssues}. */
export interface IssueContext {
  /** The input that was validated (file merged with overrides). */
  input: unknown;
  /** Where a field path is (file position, or the source that set it). */
  placeOf(path: ReadonlyArray<PropertyKey>): ConfigPlace;
  /** Known field names of the object at `path` (for "did you mean"). */
  knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[];
}

/**
 * Turns zod issues into one problem per mistake, in plain words: an unknown
 * field is refused (with the closest known name when it looks misspelt);
 * a partial `theme` is one problem naming every missing field; a missing
 * field says it is missing instead of "expected string, received undefined".
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const dotted = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');
  const missingTheme = issues.filter((i) => i.path.length === 2 && i.path[0] === 'theme' && i.code === 'invalid_type' && valueAt(ctx.input, i.path) === undefined);
  if (missingTheme.length > 0) {
    const names = missingTheme.map((i) => String(i.path[1]));
    problems.push({
      ...ctx.placeOf(['theme']),
      field: 'theme',
      zh: `theme 不完整：缺少 ${names.join('、')}。写了 theme 就要写全六项（siteName、partner、primaryColor、logoUrl、openingHours、staffAssist），不用的写 null；不写 theme 则全部用默认值`,
      en: `theme is incomplete: ${names.join(', ')} missing. A theme needs all six fields (siteName, partner, primaryColor, logoUrl, openingHours, staffAssist), null for those not used; leave theme out for the defaults`,
    });
  }
  for (const issue of issues) {
    if (missingTheme.includes(issue)) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = closest(key, ctx.knownKeys(issue.path));
        const hint = guess ? { zh: `（是不是 "${guess}"？）`, en: ` (did you mean "${guess}"?)` } : { zh: '', en: '' };
        problems.push({
          ...ctx.placeOf([...issue.path, key]),
          field: dotted([...issue.path, key]),
          zh: `未知字段，已拒绝${hint.zh}`,
          en: `unknown field, refused${hint.en}`,
        });
      }
      continue;
    }
    problems.push({ ...ctx.placeOf(issue.path), field: dotted(issue.path), ...words(issue, ctx.input) });
  }
  return problems;
}
