import { describe, expect, it } from 'vitest';
import type { ServiceDetail } from '../../../common/contract/schemas';
import { mergeBundleForm } from '../../../common/domain/bundle-form';
import { CatalogueTexts } from './catalogue-text';

const ITEM: ServiceDetail = {
  code: 'GG00001001',
  name: '社保查询',
  department: '人社局',
  category: '社会保险',
  itemType: '公共服务',
  queueable: false,
  output: 'receipt',
  feeFen: 0,
  guide: { summary: '查一查', whoCanApply: '参保人', timeLimit: '当场查询', resultDelivery: '当场显示', feeDescription: '不收费。', legalBasis: '社会保险法' },
  materials: [{ id: 'm1', name: '居民身份证', required: true, note: '刷卡即可', electronic: true }],
  form: [
    { id: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name', maxLength: 50 },
    { id: 'field1', label: '查询年份', kind: 'select', required: true, options: ['近一年', '全部', '2025'], prefill: null, maxLength: 100 },
  ],
  lifeEvents: [],
  i18n: {
    en: {
      name: 'Social insurance enquiry',
      department: 'HR Bureau',
      guide: { summary: 'Check it', whoCanApply: 'Insured people', timeLimit: 'On the spot', resultDelivery: 'On screen', legalBasis: 'Social Insurance Law' },
      materials: { m1: { name: 'Resident ID card', note: 'Place it on the reader' } },
      form: { name: { label: 'Name' }, field1: { label: 'Period', options: { 近一年: 'Last year', 全部: 'All' } } },
    },
    ug: { name: 'ئىجتىمائىي سۇغۇرتىنى سۈرۈشتۈرۈش' },
  },
};

describe('catalogue text in the person’s language', () => {
  it('shows every text of a fully translated item in English, and nothing is Chinese-only', () => {
    const texts = new CatalogueTexts('en');
    const g = texts.guide(ITEM);
    expect(g).toMatchObject({ name: 'Social insurance enquiry', summary: 'Check it', timeLimit: 'On the spot', legalBasis: 'Social Insurance Law' });
    expect(g.materials[0]).toMatchObject({ name: 'Resident ID card', note: 'Place it on the reader', nameChineseOnly: false });
    const app = texts.application(ITEM, null)!;
    expect(app.form[1]).toMatchObject({ label: 'Period', options: ['近一年', '全部', '2025'], optionLabels: { 近一年: 'Last year', 全部: 'All' } });
    expect(texts.summary(ITEM)).toMatchObject({ name: 'Social insurance enquiry', department: 'HR Bureau', code: ITEM.code });
    // "2025" has no Han characters: it reads the same in every language.
    expect(texts.chineseOnly).toBe(false);
  });

  it('falls back to the Chinese text where a translation is missing, and says so', () => {
    const texts = new CatalogueTexts('ug');
    expect(texts.summary(ITEM).name).toBe('ئىجتىمائىي سۇغۇرتىنى سۈرۈشتۈرۈش');
    expect(texts.chineseOnly).toBe(true); // the department
    const quiet = new CatalogueTexts('ug');
    const app = quiet.application(ITEM, null)!;
    expect(app).toMatchObject({ name: 'ئىجتىمائىي سۇغۇرتىنى سۈرۈشتۈرۈش', nameChineseOnly: false });
    expect(app.form[1]).toMatchObject({ label: '查询年份', labelChineseOnly: true, optionLabels: {} });
  });

  it('in zh-CN shows the catalogue’s own text and never flags it', () => {
    const texts = new CatalogueTexts('zh-CN');
    expect(texts.guide(ITEM).name).toBe('社保查询');
    expect(texts.application(ITEM, null)!.form[1]!.optionLabels).toEqual({});
    expect(texts.chineseOnly).toBe(false);
  });

  it('takes a bundle’s combined fields from the item each came from', () => {
    const other: ServiceDetail = { ...ITEM, code: 'QR1', name: '退休申请', i18n: { en: { name: 'Retiring', form: { field1: { label: 'Other period' } } } } };
    const combined = mergeBundleForm([ITEM, other]);
    const texts = new CatalogueTexts('en');
    const app = texts.application(null, { name: '退休一件事', i18n: { en: { name: 'Retiring' } }, items: [ITEM, other], combined })!;
    expect(app.name).toBe('Retiring');
    // Same definition in both items: one field, its text from the first item.
    expect(app.form.filter((f) => f.id.startsWith('field1')).map((f) => f.label)).toEqual(['Period']);
    expect(app.materials[0]!.name).toBe('Resident ID card');
  });
});
