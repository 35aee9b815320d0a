import { describe, expect, it } from 'vitest';
import { IME_MAX_COMPOSITION, IME_PAGE_SIZE, INITIAL_IME_STATE, initialImeMode, initialImeState, isPending, pageCount, reduceIme, visibleCandidates, type ImeAction, type ImeState } from './ime-state';

/** Runs actions from the initial state against a field; returns the final state and value. */
function run(actions: ImeAction[], value = '', maxLength = 50, from: ImeState = INITIAL_IME_STATE) {
  let state = from;
  let v = value;
  for (const a of actions) ({ state, value: v } = reduceIme(state, { value: v, maxLength }, a));
  return { state, value: v };
}
const letters = (s: string): ImeAction[] => [...s].map((letter) => ({ type: 'letter', letter }));
const answer = (forComposition: string, texts: string[], pinyin = forComposition): ImeAction => ({
  type: 'candidates',
  forComposition,
  candidates: texts.map((text) => ({ text, pinyin })),
});

describe('pinyin input method (pure reducer)', () => {
  it('letters go into the composition, not the field', () => {
    const { state, value } = run(letters('zhang'), '住址');
    expect(state.composition).toBe('zhang');
    expect(value).toBe('住址');
    expect(isPending(state)).toBe(true);
    expect(visibleCandidates(state)).toEqual([]);
  });

  it('picking a candidate inserts it and consumes its syllables; the rest stays composed', () => {
    const { state, value } = run([...letters('zhangsan'), answer('zhangsan', ['张', '章'], 'zhang'), { type: 'pick', index: 0 }], '姓');
    expect(value).toBe('姓张');
    expect(state.composition).toBe('san');
    expect(isPending(state)).toBe(true);
    const done = run([answer('san', ['三'], 'san'), { type: 'pick', index: 0 }], value, 50, state);
    expect(done.value).toBe('姓张三');
    expect(done.state.composition).toBe('');
  });

  it('a word consumes all its syllables', () => {
    const { state, value } = run([...letters('beijing'), answer('beijing', ['北京'], 'beijing'), { type: 'pick', index: 0 }]);
    expect(value).toBe('北京');
    expect(state.composition).toBe('');
  });

  it('ignores an answer for an older composition', () => {
    const { state } = run([...letters('cu'), ...letters('n'), answer('cun', ['村', '存']), answer('cu', ['粗', '醋'])]);
    expect(visibleCandidates(state).map((c) => c.text)).toEqual(['村', '存']);
    const older = run([...letters('cun'), answer('cu', ['粗'])]);
    expect(isPending(older.state)).toBe(true);
    expect(older.state.candidates).toEqual([]);
    // A pick cannot use candidates of another composition.
    expect(run([...letters('cun'), answer('cu', ['粗']), { type: 'pick', index: 0 }]).value).toBe('');
  });

  it('backspace edits the composition first, then the field', () => {
    const composing = run([...letters('cun'), { type: 'backspace' }], '幸福');
    expect(composing.state.composition).toBe('cu');
    expect(composing.value).toBe('幸福');
    const empty = run([...letters('cun'), { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }], '幸福');
    expect(empty.state.composition).toBe('');
    expect(empty.value).toBe('幸');
  });

  it('space / confirm commits the raw letters; with nothing composed it types a space', () => {
    expect(run([...letters('abc'), { type: 'space' }], 'x')).toMatchObject({ value: 'xabc', state: { composition: '' } });
    expect(run([{ type: 'space' }], '3').value).toBe('3 ');
  });

  it('中/英: latin mode types letters directly; switching keeps what was composed', () => {
    const latin = run([{ type: 'setMode', mode: 'latin' }, ...letters('ab')]);
    expect(latin.state.mode).toBe('latin');
    expect(latin.value).toBe('ab');
    expect(latin.state.composition).toBe('');
    const switched = run([...letters('wang'), { type: 'setMode', mode: 'latin' }]);
    expect(switched.value).toBe('wang');
    expect(run([...letters('wang'), { type: 'setMode', mode: 'uyghur' }]).value).toBe('wang');
    expect(run([{ type: 'setMode', mode: 'latin' }, { type: 'setMode', mode: 'pinyin' }, ...letters('li')]).state.composition).toBe('li');
    // Choosing the mode already on changes nothing.
    expect(run([...letters('li'), { type: 'setMode', mode: 'pinyin' }]).state.composition).toBe('li');
  });

  it('digits go into the field only when nothing is composed', () => {
    expect(run([{ type: 'char', char: '3' }], '幸福村').value).toBe('幸福村3');
    expect(run([...letters('hao'), { type: 'char', char: '3' }]).value).toBe('');
  });

  it('clear empties the composition first, then the field', () => {
    expect(run([...letters('zh'), { type: 'clear' }], '村')).toMatchObject({ value: '村', state: { composition: '' } });
    expect(run([{ type: 'clear' }], '村').value).toBe('');
  });

  it('respects the field maxLength', () => {
    // A full field starts no composition.
    expect(run(letters('a'), '一二', 2).state.composition).toBe('');
    // A word that does not fit is not inserted; a character that fits is.
    const one = run([...letters('beijing'), answer('beijing', ['北京'], 'beijing'), { type: 'pick', index: 0 }], '一', 2);
    expect(one.value).toBe('一');
    expect(one.state.composition).toBe('beijing');
    // Raw letters and latin typing are cut to the room left.
    expect(run([...letters('abc'), { type: 'space' }], '一', 3).value).toBe('一ab');
    expect(run([{ type: 'setMode', mode: 'latin' }, ...letters('abc')], '', 2).value).toBe('ab');
  });

  it('caps the composition at what the core accepts', () => {
    expect(run(letters('a'.repeat(IME_MAX_COMPOSITION + 5))).state.composition).toHaveLength(IME_MAX_COMPOSITION);
  });

  it('pages through the candidates; a new answer starts at page 0', () => {
    const texts = Array.from({ length: IME_PAGE_SIZE * 2 + 3 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const { state } = run([...letters('yi'), answer('yi', texts), { type: 'nextPage' }, { type: 'nextPage' }, { type: 'nextPage' }]);
    expect(pageCount(state)).toBe(3);
    expect(state.page).toBe(2);
    expect(visibleCandidates(state).map((c) => c.index)).toEqual([16, 17, 18]);
    const back = run([{ type: 'prevPage' }, { type: 'prevPage' }, { type: 'prevPage' }], '', 50, state);
    expect(back.state.page).toBe(0);
    const picked = run([{ type: 'nextPage' }, { type: 'pick', index: IME_PAGE_SIZE + 1 }], '', 50, state);
    expect(picked.value).toBe(texts[IME_PAGE_SIZE + 1]);
    expect(run([...letters('n'), answer('yin', ['因'])], '', 50, state).state.page).toBe(0);
  });

  it('inserts at the caret or in place of a selection, and reports where the caret goes', () => {
    const at = (n: number) => ({ start: n, end: n });
    const field = (value: string, selection: { start: number; end: number }, maxLength = 50) => ({ value, maxLength, selection });
    let state = INITIAL_IME_STATE;
    for (const a of [...letters('xiao'), answer('xiao', ['小'])]) state = reduceIme(state, field('张三', at(1)), a).state;
    expect(reduceIme(state, field('张三', at(1)), { type: 'pick', index: 0 })).toMatchObject({ value: '张小三', caret: 2, state: { composition: '' } });
    expect(reduceIme(state, field('幸福村三组', { start: 3, end: 4 }), { type: 'pick', index: 0 })).toMatchObject({ value: '幸福村小组', caret: 4 });
    // A selection frees its room: a full field accepts a pick that replaces part of it.
    expect(reduceIme(state, field('一二', { start: 0, end: 1 }, 2), { type: 'pick', index: 0 }).value).toBe('小二');
    expect(reduceIme(INITIAL_IME_STATE, field('村', at(0)), { type: 'char', char: '3' })).toEqual({ state: INITIAL_IME_STATE, value: '3村', caret: 1 });
    expect(reduceIme(INITIAL_IME_STATE, field('张小三', at(2)), { type: 'backspace' })).toMatchObject({ value: '张三', caret: 1 });
    expect(reduceIme(INITIAL_IME_STATE, field('张三', at(0)), { type: 'backspace' })).toMatchObject({ value: '张三', caret: 0 });
    const latin = reduceIme(INITIAL_IME_STATE, field('', at(0)), { type: 'setMode', mode: 'latin' }).state;
    expect(reduceIme(latin, field('ac', at(1)), { type: 'letter', letter: 'b' })).toMatchObject({ value: 'abc', caret: 2 });
    // Without a selection, text goes to the end as before.
    expect(reduceIme(latin, { value: 'ab', maxLength: 50 }, { type: 'letter', letter: 'c' })).toMatchObject({ value: 'abc', caret: 3 });
  });

  it('ignores keys that are not letters', () => {
    expect(run([{ type: 'letter', letter: '<' }]).state).toBe(INITIAL_IME_STATE);
  });
});

describe('Uyghur mode', () => {
  const UYGHUR = initialImeState('uyghur');
  const at = (n: number) => ({ start: n, end: n });

  it('opens in Uyghur mode for the ug language, in pinyin otherwise', () => {
    expect(initialImeMode('ug')).toBe('uyghur');
    for (const locale of ['zh-CN', 'zh-TW', 'en']) expect(initialImeMode(locale)).toBe('pinyin');
    expect(UYGHUR).toEqual({ ...INITIAL_IME_STATE, mode: 'uyghur' });
  });

  it('a letter goes straight into the field, with no composition and no candidates', () => {
    const { state, value } = run(letters('ياخشى'), '', 50, UYGHUR);
    expect(value).toBe('ياخشى');
    expect(state.composition).toBe('');
    expect(visibleCandidates(state)).toEqual([]);
    expect(isPending(state)).toBe(false);
  });

  it('takes only characters of the Uyghur layout', () => {
    expect(run(letters('a<ي'), '', 50, UYGHUR).value).toBe('ي');
    // Uyghur letters are not pinyin.
    expect(run(letters('ي')).state).toBe(INITIAL_IME_STATE);
  });

  it('shift shows the shifted level and is released by the next letter; off in other modes', () => {
    const shifted = run([{ type: 'shift' }], '', 50, UYGHUR).state;
    expect(shifted.shift).toBe(true);
    expect(run([{ type: 'shift' }, { type: 'shift' }], '', 50, UYGHUR).state.shift).toBe(false);
    const typed = run(letters('خ'), 'يا', 50, shifted);
    expect(typed).toMatchObject({ value: 'ياخ', state: { shift: false } });
    expect(run([{ type: 'shift' }]).state).toBe(INITIAL_IME_STATE);
    expect(run([{ type: 'setMode', mode: 'pinyin' }], '', 50, shifted).state.shift).toBe(false);
  });

  it('space, backspace and clear edit the field at the caret', () => {
    const field = (value: string, selection = at(value.length)) => ({ value, maxLength: 50, selection });
    expect(reduceIme(UYGHUR, field('ياخشى', at(2)), { type: 'space' })).toMatchObject({ value: 'يا خشى', caret: 3 });
    expect(reduceIme(UYGHUR, field('ياخشى', at(2)), { type: 'backspace' })).toMatchObject({ value: 'يخشى', caret: 1 });
    expect(reduceIme(UYGHUR, field('ياخشى', at(2)), { type: 'letter', letter: 'ق' })).toMatchObject({ value: 'ياقخشى', caret: 3 });
    expect(reduceIme(UYGHUR, field('ياخشى', { start: 1, end: 3 }), { type: 'letter', letter: 'ە' })).toMatchObject({ value: 'يەشى', caret: 2 });
    expect(reduceIme(UYGHUR, field('ياخشى'), { type: 'clear' })).toEqual({ state: UYGHUR, value: '', caret: 0 });
    expect(reduceIme(UYGHUR, field('يا', at(1)), { type: 'char', char: '3' })).toMatchObject({ value: 'ي3ا', caret: 2 });
  });

  it('respects the field maxLength', () => {
    expect(run(letters('ياخشى'), '', 3, UYGHUR).value).toBe('ياخ');
  });
});
