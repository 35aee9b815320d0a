// Types of pinyin-pro's word dictionaries, reached through its `./dist/*` export
// (the package ships no declarations for them). Each maps a word to its toned,
// space-separated pinyin, e.g. `{ 村长: 'cūn zhǎng' }`.
declare module 'pinyin-pro/dist/esm/data/dict2.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict3.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict4.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict5.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/surname.mjs' {
  const words: Record<string, string>;
  export default words;
}
