import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Where a problem is: a file position (1-based line and column), or another source such as an environment variable. */
export interface ConfigPlace {
  /** File path, or the name of the source (`KIOSK_PLATFORM_URL`, `command line`). */
  source: string;
  /** 1-based line; null when the source is not a file. */
  line: number | null;
  /** 1-based column (UTF-16 code units, as editors count); null when the source is not a file. */
  column: number | null;
}

/** One configuration problem, said in Chinese and in English. */
export interface ConfigProblem extends ConfigPlace {
  /** Dotted field path (`devices.idcard.mode`); empty for the whole file. */
  field: string;
  zh: string;
  en: string;
}

/** A configuration file read with positions: the parsed value and a way to find a field's line and column. */
export interface PositionedJson {
  path: string;
  value: unknown;
  /** Position of the field at `path` (its key), else of its nearest ancestor present in the file, else 1:1. */
  placeOf(path: ReadonlyArray<string | number>): ConfigPlace;
}

const SYNTAX_WORDS: Record<string, { zh: string; en: string }> = {
  InvalidSymbol: { zh: '这里有不该出现的字符', en: 'unexpected character' },
  InvalidNumberFormat: { zh: '数字写法不对', en: 'malformed number' },
  PropertyNameExpected: { zh: '这里应是带双引号的字段名', en: 'a field name in double quotes is expected here' },
  ValueExpected: { zh: '这里缺少值', en: 'a value is expected here' },
  ColonExpected: { zh: '字段名后缺少冒号 ":"', en: 'a colon ":" is expected after the field name' },
  CommaExpected: { zh: '两项之间缺少逗号 ","', en: 'a comma "," is expected between two entries' },
  CloseBraceExpected: { zh: '缺少右花括号 "}"', en: 'a closing brace "}" is missing' },
  CloseBracketExpected: { zh: '缺少右方括号 "]"', en: 'a closing bracket "]" is missing' },
  EndOfFileExpected: { zh: '文件在这里应该结束', en: 'the file should end here' },
  InvalidCommentToken: { zh: 'JSON 不允许注释', en: 'JSON allows no comments' },
  UnexpectedEndOfComment: { zh: '注释没有结束', en: 'unterminated comment' },
  UnexpectedEndOfString: { zh: '字符串缺少结尾的双引号', en: 'a string is missing its closing double quote' },
  UnexpectedEndOfNumber: { zh: '数字没有写完', en: 'unfinished number' },
  InvalidUnicode: { zh: 'Unicode 转义写法不对', en: 'malformed unicode escape' },
  InvalidEscapeCharacter: { zh: '反斜杠转义写法不对', en: 'malformed backslash escape' },
  InvalidCharacter: { zh: '字符串里有不允许的字符（如换行）', en: 'a character not allowed in a string (e.g. a line break)' },
};

/** Offsets of each line start, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Parses `text` (the content of `path`) as strict JSON — no comments, no
 * trailing commas — with jsonc-parser, which reports every syntax error with
 * its offset. Returns the value with a position finder, or the syntax
 * problems (one per error, with line and column). A leading UTF-8 BOM is
 * accepted. An empty file is a problem ("the file is empty").
 */
export function parsePositionedJson(path: string, text: string): { ok: true; json: PositionedJson } | { ok: false; problems: ConfigProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body.length === text.length ? 0 : 1;
  const starts = lineStarts(text);
  const at = (offset: number) => ({ source: path, ...positionOf(starts, offset + shift) });
  if (body.trim() === '') return { ok: false, problems: [{ ...at(0), field: '', zh: '文件是空的', en: 'the file is empty' }] };
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    // The parser may report a follow-on error at the same offset: one problem per place.
    const firstAtOffset = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
    const problems = firstAtOffset.map((e) => {
      const words = SYNTAX_WORDS[printParseErrorCode(e.error)] ?? { zh: 'JSON 语法错误', en: 'JSON syntax error' };
      return { ...at(e.offset), field: '', zh: `不是合法 JSON：${words.zh}`, en: `not valid JSON: ${words.en}` };
    });
    return { ok: false, problems: problems.length ? problems : [{ ...at(0), field: '', zh: '不是合法 JSON', en: 'not valid JSON' }] };
  }
  const value = JSON.parse(body) as unknown;
  const placeOf = (fieldPath: ReadonlyArray<string | number>): ConfigPlace => {
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, fieldPath.slice(0, n) as Array<string | number>);
      if (node) return at(keyOffset(node));
    }
    return at(0);
  };
  return { ok: true, json: { path, value, placeOf } };
}

/** Offset of a value's key when it is an object member (where a person looks), else of the value. */
function keyOffset(node: Node): number {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return parent.children[0].offset;
  return node.offset;
}
