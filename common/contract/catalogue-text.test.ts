import { describe, expect, it } from 'vitest';
import { ItemI18nSchema, unsafeCodePoint } from './catalogue-text';
import { ServiceDetailSchema, ServiceSummarySchema } from './schemas';

/** A minimal valid item as the platform sends it (Chinese only). */
const ITEM = {
  code: 'GG00001001',
  name: '社保查询',
  department: '人社局',
  category: '社会保险',
  itemType: '公共服务',
  queueable: false,
  output: 'receipt',
  feeFen: 0,
  guide: { summary: '查一查', whoCanApply: '参保人', timeLimit: '当场', resultDelivery: '当场打印', feeDescription: '免费', legalBasis: '社会保险法' },
  materials: [{ id: 'm1', name: '居民身份证', required: true, note: null, electronic: true }],
  form: [{ id: 'field1', label: '查询年份', kind: 'select', required: true, options: ['近一年', '全部'], prefill: null, maxLength: 100 }],
  lifeEvents: [],
};

const EN = {
  name: 'Social insurance enquiry',
  department: 'Human Resources and Social Security Bureau',
  guide: { summary: 'Check your social insurance.' },
  materials: { m1: { name: 'Resident ID card' } },
  form: { field1: { label: 'Years to show', options: { 近一年: 'Last year', 全部: 'All' } } },
};

function firstIssue(value: unknown): string {
  const r = ServiceDetailSchema.safeParse(value);
  if (r.success) return 'accepted';
  const i = r.error.issues[0]!;
  return `${i.path.join('.')}: ${i.message}`;
}

describe('catalogue text per locale (ServiceDetail.i18n)', () => {
  it('is optional: an item without it (an older platform) is still valid', () => {
    expect(ServiceDetailSchema.safeParse(ITEM).success).toBe(true);
  });

  it('accepts English, Uyghur and Traditional Chinese texts, each part optional', () => {
    const ug = { name: 'ئىجتىمائىي سۇغۇرتا سۈرۈشتۈرۈش', form: { field1: { label: 'سۈرۈشتۈرۈش يىلى' } } };
    const parsed = ServiceDetailSchema.parse({ ...ITEM, i18n: { en: EN, ug, 'zh-TW': { name: '社保查詢' } } });
    expect(parsed.i18n?.en?.form?.field1?.options?.['近一年']).toBe('Last year');
    expect(parsed.i18n?.ug?.name).toBe(ug.name);
    expect(parsed.i18n?.['zh-TW']?.name).toBe('社保查詢');
  });

  it('drops locales the kiosk does not know instead of refusing the item (additive for newer platforms)', () => {
    const parsed = ItemI18nSchema.parse({ en: { name: 'x' }, bo: { name: 'y' } });
    expect(parsed).toEqual({ en: { name: 'x' } });
  });

  it('refuses bidi overrides and isolates with a message that names the code point and the path', () => {
    expect(firstIssue({ ...ITEM, i18n: { ug: { name: 'ئىجتىمائىي\u202Eسۇغۇرتا' } } })).toBe(
      'i18n.ug.name: catalogue text must not contain control or bidi-override characters (found U+202E)',
    );
    expect(firstIssue({ ...ITEM, i18n: { en: { form: { field1: { options: { 全部: 'All\u2066' } } } } } })).toMatch(/^i18n\.en\.form\.field1\.options\.全部: .*U\+2066/);
  });

  it('refuses control characters and lone surrogates, allows line feeds and the joiners Arabic script needs', () => {
    expect(unsafeCodePoint('a\u0000b')).toBe('U+0000');
    expect(unsafeCodePoint('a\u009Bb')).toBe('U+009B');
    expect(unsafeCodePoint('a\uD800b')).toBe('U+D800');
    expect(unsafeCodePoint('line one\nline two')).toBeNull();
    expect(unsafeCodePoint('ئا\u200Cب\u200D')).toBeNull();
    expect(unsafeCodePoint('😀 emoji pair')).toBeNull();
  });

  it('refuses oversized and empty texts and too many keyed entries', () => {
    expect(firstIssue({ ...ITEM, i18n: { en: { name: 'x'.repeat(201) } } })).toMatch(/^i18n\.en\.name: /);
    expect(firstIssue({ ...ITEM, i18n: { en: { guide: { summary: 'x'.repeat(2001) } } } })).toMatch(/^i18n\.en\.guide\.summary: /);
    expect(firstIssue({ ...ITEM, i18n: { en: { name: '' } } })).toMatch(/^i18n\.en\.name: /);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`f${i}`, { label: 'x' }]));
    expect(firstIssue({ ...ITEM, i18n: { en: { form: many } } })).toBe('i18n.en.form: at most 40 entries');
  });

  it('carries name and department on summaries, with the same checks', () => {
    const summary = { code: 'GG1', name: '社保查询', department: '人社局', category: '', itemType: '公共服务', queueable: false, output: 'receipt', feeFen: 0 };
    expect(ServiceSummarySchema.parse({ ...summary, i18n: { en: { name: 'Enquiry' } } }).i18n?.en?.name).toBe('Enquiry');
    expect(ServiceSummarySchema.safeParse({ ...summary, i18n: { en: { department: 'HR\u0007' } } }).success).toBe(false);
  });
});
