import { describe, expect, it } from 'vitest';
import type { ServiceSummary } from '../contract/schemas';
import { createCatalogueIndex } from './create-catalogue-index';

function item(code: string, name: string, department: string, category = '综合', extra: object = {}): ServiceSummary {
  return { code, name, department, category, itemType: '公共服务', queueable: true, output: 'receipt', feeFen: 0, ...extra };
}

const items = [
  item('A1', '社保卡申领', '人社局', '社会保障卡'),
  item('A2', '社保查询', '人社局', '社会保险'),
  item('A3', '劳动保障监察投诉受理（未缴社保）', '人社局', '劳动关系'),
  item('A4', '出生医学证明', '卫健委', '妇幼健康', { lifeEvents: ['newborn'] }),
  item('A5', '新生儿落户', '公安局', '户籍管理', { lifeEvents: ['newborn'] }),
  item('A6', '居住证办理', '公安局', '居住证'),
  item('A7', '女职工生育津贴申领', '医保局', '待遇支付'),
  item('A8', '银行卡挂失', '公积金中心', '查询', { guide: { summary: '银行卡丢了，先在这里挂失社保待遇发放账户。' } }),
  item('A9', '社保查询（城东区）', '人社局', '社会保险'),
];
const index = createCatalogueIndex(items);
const names = (query: string, extra: object = {}) => index.search({ query, limit: 50, ...extra }).items.map((i) => i.name);

describe('createCatalogueIndex', () => {
  it('finds 社保查询 by initials, full pinyin with or without spaces, and a mix', () => {
    for (const q of ['sbcx', 'shebaochaxun', 'she bao cha xun', "she'bao'cha'xun", 'SBCX', 'shebcx', '社保cx', 'sheb查询', 'ｓｂｃｘ']) {
      expect(names(q)[0], q).toBe('社保查询');
    }
  });

  it('ranks exact over prefix over substring, and name over department and guide', () => {
    expect(names('社保')).toEqual(['社保查询', '社保卡申领', '社保查询（城东区）', '劳动保障监察投诉受理（未缴社保）', '银行卡挂失']);
    expect(names('社保查询')).toEqual(['社保查询', '社保查询（城东区）']);
    expect(names('公安')).toEqual(['新生儿落户', '居住证办理']);
    const rsj = index.search({ query: 'rsj', limit: 50 });
    expect(rsj.items.slice(0, 4).every((i) => i.department === '人社局')).toBe(true);
    expect(rsj.items.slice(4).map((i) => i.name)).toEqual(['女职工生育津贴申领']); // 女 rǔ · 生 · 津: scattered initials, after the department
  });

  it('ranks one-letter queries by where a syllable starts with the letter', () => {
    expect(names('c')[0]).toBe('出生医学证明');
    expect(names('c')).toContain('社保查询');
    expect(names('x')[0]).toBe('新生儿落户');
    expect(names('v')).toEqual([]);
  });

  it('matches polyphonic characters however they are read, and ü typed as v or u', () => {
    expect(names('yinhang')).toContain('银行卡挂失');
    expect(names('yinxing')).toContain('银行卡挂失');
    expect(names('nvzhigong')).toEqual(['女职工生育津贴申领']);
    expect(names('nuzhigong')).toEqual(['女职工生育津贴申领']);
  });

  it('finds nothing for unrelated text and everything for an empty query', () => {
    expect(names('zzzzzz')).toEqual([]);
    expect(names('护照')).toEqual([]);
    expect(index.search({ query: '', limit: 100 }).total).toBe(items.length);
    expect(names('  ')).toEqual(items.map((i) => i.name));
  });

  it('filters by department, life-event codes and life-event id', () => {
    expect(names('', { department: '公安局' })).toEqual(['新生儿落户', '居住证办理']);
    expect(names('', { lifeEventCodes: ['A4', 'A5', 'nope'] })).toEqual(['出生医学证明', '新生儿落户']);
    expect(names('', { lifeEvent: 'newborn' })).toEqual(['出生医学证明', '新生儿落户']);
    expect(names('cs', { lifeEvent: 'newborn' })).toEqual(['出生医学证明']);
    expect(names('sb', { department: '卫健委' })).toEqual([]);
  });

  it('pages results and reports the total', () => {
    const first = index.search({ query: 'sb', limit: 2, offset: 0 });
    const second = index.search({ query: 'sb', limit: 2, offset: 2 });
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(4);
    expect(first.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.code)).size).toBe(4);
    expect(index.search({ query: 'sb', limit: 2, offset: 100 }).items).toEqual([]);
  });

  it('orders equally good matches by the region\'s cases last year, and never lifts a weaker kind of match by them', () => {
    const asked = [
      item('B1', '公交卡挂失（学生）', '交通局', '出行服务', { casesLastYear: 100 }),
      item('B2', '公交卡办理（老年人）', '交通局', '出行服务', { casesLastYear: 5000 }),
      item('B3', '老年人乘车优待（公交卡）', '交通局', '出行服务', { casesLastYear: 1_000_000 }),
    ];
    const byDemand = createCatalogueIndex(asked);
    expect(byDemand.search({ query: '公交卡', limit: 5 }).items.map((i) => i.code)).toEqual(['B2', 'B1', 'B3']);
    // 公交卡 in a bracketed qualifier, and initials in the middle of the name, stay below, however often B3 is asked.
    expect(byDemand.search({ query: 'gjk', limit: 5 }).items.map((i) => i.code)).toEqual(['B2', 'B1', 'B3']);
    // Without figures the shorter name comes first; a `demand` option overrides the item's own field.
    const flat = createCatalogueIndex(asked, { demand: () => 0 });
    expect(flat.search({ query: '公交卡', limit: 5 }).items.map((i) => i.code)).toEqual(['B1', 'B2', 'B3']);
  });

  it('counts Chinese text wherever it stands in the name\'s main part, so the more asked item wins', () => {
    const pension = createCatalogueIndex([
      item('C1', '养老保险关系转移接续申请', '人社局', '社会保险', { casesLastYear: 500 }),
      item('C2', '城乡居民养老保险参保登记', '人社局', '社会保险', { casesLastYear: 20000 }),
      item('C3', '社会保险待遇资格认证办理（养老保险）', '人社局', '社会保险', { casesLastYear: 90000 }),
    ]);
    expect(pension.search({ query: '养老保险', limit: 5 }).items.map((i) => i.code)).toEqual(['C2', 'C1', 'C3']);
  });

  it('returns the objects it was given', () => {
    expect(index.search({ query: 'sbcx', limit: 1 }).items[0]).toBe(items[1]);
  });
});
