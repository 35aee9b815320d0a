import { describe, expect, it } from 'vitest';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { createImeController } from './ime-controller';
import { visibleCandidates, type ImeState } from './ime-state';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(maxLength = 50) {
  const api = new TestKioskApi();
  let value = '';
  let state: ImeState | null = null;
  const requests: string[] = [];
  const controller = createImeController(
    { value, maxLength },
    {
      candidates: (pinyin, limit) => {
        requests.push(pinyin);
        return api.input.candidates({ pinyin, limit }).then((r) => r.candidates);
      },
      onChange: (v) => (value = v),
      onState: (s) => (state = s),
    },
  );
  const type = (s: string) => [...s].forEach((letter) => controller.dispatch({ type: 'letter', letter }));
  return { controller, type, requests, value: () => value, state: () => state! };
}

describe('pinyin input method controller (with the in-memory KioskApi)', () => {
  it('asks the core for every composition, without debounce, and shows the latest answer', async () => {
    const s = setup();
    s.type('zhang');
    expect(s.requests).toEqual(['z', 'zh', 'zha', 'zhan', 'zhang']);
    await tick();
    expect(visibleCandidates(s.state())[0]?.text).toBe('张');
    s.controller.dispatch({ type: 'pick', index: 0 });
    expect(s.value()).toBe('张');
    s.type('cun');
    await tick();
    s.controller.dispatch({ type: 'pick', index: 0 });
    expect(s.value()).toBe('张村');
  });

  it('a slow answer for an older composition does not overwrite a newer one', async () => {
    const resolvers = new Map<string, (c: { text: string; pinyin: string }[]) => void>();
    let state: ImeState | null = null;
    const controller = createImeController(
      { value: '', maxLength: 50 },
      {
        candidates: (pinyin) => new Promise((resolve) => resolvers.set(pinyin, resolve)),
        onChange: () => undefined,
        onState: (s) => (state = s),
      },
    );
    for (const letter of 'cun') controller.dispatch({ type: 'letter', letter });
    resolvers.get('cun')!([{ text: '村', pinyin: 'cun' }]);
    await tick();
    resolvers.get('cu')!([{ text: '粗', pinyin: 'cu' }]);
    resolvers.get('c')!([{ text: '才', pinyin: 'c' }]);
    await tick();
    expect(visibleCandidates(state!).map((c) => c.text)).toEqual(['村']);
  });

  it('two picks before a re-render both land (the controller keeps the latest value)', async () => {
    const s = setup();
    s.type('beijing');
    await tick();
    s.controller.dispatch({ type: 'pick', index: 0 });
    s.type('wang');
    await tick();
    s.controller.dispatch({ type: 'pick', index: 0 });
    expect(s.value()).toBe('北京王');
  });

  it('a failed request shows no candidates instead of waiting for ever', async () => {
    let state: ImeState | null = null;
    const controller = createImeController(
      { value: '', maxLength: 50 },
      { candidates: () => Promise.reject(new Error('offline')), onChange: () => undefined, onState: (s) => (state = s) },
    );
    controller.dispatch({ type: 'letter', letter: 'a' });
    await tick();
    expect(state!.candidatesFor).toBe('a');
    expect(state!.candidates).toEqual([]);
  });

  it('reads the caret when a key is pressed and chains taps made before a re-render', async () => {
    const api = new TestKioskApi();
    let value = '张三';
    let domCaret = 1;
    const carets: number[] = [];
    const reads: string[] = [];
    const controller = createImeController(
      { value, maxLength: 50 },
      {
        candidates: (pinyin, limit) => api.input.candidates({ pinyin, limit }).then((r) => r.candidates),
        onChange: (v, caret) => {
          value = v;
          carets.push(caret);
        },
        selection: (v) => {
          reads.push(v);
          return v === '张三' ? { start: domCaret, end: domCaret } : null;
        },
        onState: () => undefined,
      },
    );
    for (const letter of 'li') controller.dispatch({ type: 'letter', letter });
    await tick();
    controller.dispatch({ type: 'pick', index: 0 });
    expect(value).toBe('张李三');
    expect(carets).toEqual([2]);
    // No re-render yet: the next digit goes after 李, where the last edit left the caret.
    controller.dispatch({ type: 'char', char: '2' });
    expect(value).toBe('张李2三');
    expect(carets).toEqual([2, 3]);
    // After a re-render the field's caret is read again (the person moved it to the start).
    controller.setField({ value: '张三', maxLength: 50 });
    domCaret = 0;
    controller.dispatch({ type: 'char', char: '1' });
    expect(value).toBe('1张三');
    expect(reads.at(-1)).toBe('张三');
  });

  it('follows the field when the screen changes its value', () => {
    const s = setup(3);
    s.controller.setField({ value: '一二三', maxLength: 3 });
    s.type('a');
    expect(s.requests).toEqual([]);
  });

  it('opens in the mode it is given: Uyghur letters go in at once and never ask the core', () => {
    const requests: string[] = [];
    let value = '';
    const controller = createImeController(
      { value, maxLength: 50 },
      {
        candidates: (pinyin) => {
          requests.push(pinyin);
          return Promise.resolve([]);
        },
        onChange: (v) => (value = v),
        onState: () => undefined,
        mode: 'uyghur',
      },
    );
    expect(controller.state.mode).toBe('uyghur');
    for (const letter of 'يا') controller.dispatch({ type: 'letter', letter });
    expect(value).toBe('يا');
    expect(requests).toEqual([]);
  });
});
