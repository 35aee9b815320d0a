import { beforeAll, describe, expect, it } from 'vitest';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { kioskContract } from '../../common/contract/kiosk-contract';
import { buildPinyinIndex, PinyinCandidates, type PinyinIndex } from '../../main/core/input/pinyin-candidates';
import { inputMethods } from '../../main/core/services/input-service';
import { TestKioskImplementation } from '../contract/test-kiosk-implementation';

let index: PinyinIndex;
beforeAll(async () => {
  index = await buildPinyinIndex();
}, 30_000);

const texts = (input: string, limit = 20) => index.lookup(input, limit).map((c) => c.text);

describe('pinyin candidates (core)', () => {
  it('indexes the CJK block and pinyin-pro words', () => {
    expect(index.stats.characters).toBeGreaterThan(20_000);
    expect(index.stats.syllables).toBeGreaterThan(380);
    // The kiosk list plus pinyin-pro's dictionaries: a changed pinyin-pro layout shows up here.
    expect(index.stats.words).toBeGreaterThan(3_000);
  });

  it('puts the common surnames first for their syllable', () => {
    expect(texts('zhang').indexOf('张')).toBeLessThan(3);
    expect(texts('wang')[0]).toBe('王');
    for (const [syllable, surname] of [['li', '李'], ['liu', '刘'], ['chen', '陈'], ['yang', '杨'], ['huang', '黄'], ['zhao', '赵'], ['wu', '吴'], ['zhou', '周']]) {
      expect(texts(syllable!).indexOf(surname!), `${syllable} → ${surname}`).toBeLessThan(3);
    }
  });

  it('puts address characters on the first page', () => {
    for (const [syllable, ch] of [['cun', '村'], ['zhen', '镇'], ['xiang', '乡'], ['xian', '县'], ['jie', '街'], ['lu', '路'], ['hao', '号']]) {
      expect(texts(syllable!).indexOf(ch!), `${syllable} → ${ch}`).toBeGreaterThanOrEqual(0);
      expect(texts(syllable!).indexOf(ch!), `${syllable} → ${ch}`).toBeLessThan(6);
    }
  });

  it('common characters before rare ones (GB2312 level 1 before level 2 before the rest)', () => {
    const cun = texts('cun', 50);
    expect(cun.slice(0, 3)).toEqual(['村', '存', '寸']);
    // 邨 is outside level 1: after every level-1 character of cun.
    expect(cun.indexOf('邨')).toBeGreaterThan(cun.indexOf('蹲'));
  });

  it('whole words for full syllables: beijing → 北京 first, then 北… for the first syllable', () => {
    const r = index.lookup('beijing', 20);
    expect(r[0]).toEqual({ text: '北京', pinyin: 'beijing' });
    const bei = r.find((c) => c.text === '北');
    expect(bei).toEqual({ text: '北', pinyin: 'bei' });
    expect(index.lookup('cunzhang', 5)[0]).toEqual({ text: '村长', pinyin: 'cunzhang' });
  });

  it('a sequence of syllables: the first is matched, the rest stays for later', () => {
    const r = index.lookup('zhangsan', 20);
    expect(r.map((c) => c.text)).toContain('张');
    expect(r.find((c) => c.text === '张')?.pinyin).toBe('zhang');
    expect(index.lookup('xian', 3)[0]?.pinyin).toBe('xian');
  });

  it('partial input: a syllable prefix gives the common characters it begins', () => {
    const zh = texts('zh', 10);
    expect(zh).toContain('中');
    expect(zh).toContain('张');
    expect(index.lookup('zh', 3).every((c) => c.pinyin === 'zh')).toBe(true);
    expect(texts('bj', 3)).toContain('北京');
  });

  it('ü typed as v', () => {
    expect(texts('lv', 5)).toContain('吕');
    expect(texts('nv', 5)).toContain('女');
  });

  it('unknown or non-pinyin input gives nothing', () => {
    for (const input of ['iii', 'vvv', 'uuu', '', 'ZHANG', 'zhang1', '张']) expect(index.lookup(input, 20), input).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.lookup('a', 7)).toHaveLength(7);
  });
});

describe('input.candidates over the contract', () => {
  const impl = new TestKioskImplementation();
  const engine = new PinyinCandidates();
  Object.assign(impl, { input: inputMethods(engine) });
  const dispatcher = new ContractDispatcher(kioskContract, impl);

  it('answers through the dispatcher (index built on first use, shared by concurrent first calls)', async () => {
    const [a, b] = await Promise.all([dispatcher.handle('input:candidates', { pinyin: 'wang', limit: 3 }), dispatcher.handle('input:candidates', { pinyin: 'shi' })]);
    expect(a).toEqual({ ok: true, value: { candidates: expect.arrayContaining([{ text: '王', pinyin: 'wang' }]) } });
    expect(a.ok && (a.value as { candidates: unknown[] }).candidates).toHaveLength(3);
    expect(b.ok && (b.value as { candidates: unknown[] }).candidates).toHaveLength(20);
  }, 30_000);

  it('rejects hostile input by schema', async () => {
    for (const payload of [
      { pinyin: 'a'.repeat(41) },
      { pinyin: 'zhang<script>' },
      { pinyin: 'ZHANG' },
      { pinyin: '' },
      { pinyin: 'zhang', limit: 51 },
      { pinyin: 'zhang', limit: 0 },
      { pinyin: 'zhang', limit: 1.5 },
      { pinyin: 42 },
      {},
      null,
    ]) {
      const r = await dispatcher.handle('input:candidates', payload);
      expect(r.ok, JSON.stringify(payload)).toBe(false);
      expect(!r.ok && r.error.code).toBe('invalid-payload');
    }
  });
});
