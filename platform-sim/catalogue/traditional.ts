import * as OpenCC from 'opencc-js/cn2t';

/**
 * Simplified to Traditional Chinese as written in Taiwan (OpenCC's `cn` → `tw`
 * character conversion, opencc-js), for the catalogue's zh-TW text, at
 * catalogue generation time. The converter is built on first use (loading its
 * dictionaries takes about a second); results are remembered per text, since
 * labels, notes and guide sentences repeat across thousands of items (about
 * 5,400 distinct texts in the reference catalogue).
 */
let converter: ((text: string) => string) | null = null;
const memo = new Map<string, string>();

/** `text` in Traditional Chinese (Taiwan standard characters); text without Chinese comes back unchanged. */
export function toTraditional(text: string): string {
  let out = memo.get(text);
  if (out === undefined) {
    converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
    out = converter(text);
    memo.set(text, out);
  }
  return out;
}
