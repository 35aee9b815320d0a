import { describe, expect, it } from 'vitest';
import type { FormField } from '../contract/schemas';
import { collectBundleProblems, mergeBundleForm, splitBundleForm, type BundleItem } from './bundle-form';
import { precheckApplication } from './precheck';

const text = (id: string, label: string, extra: Partial<FormField> = {}): FormField => ({ id, label, kind: 'text', required: true, prefill: null, maxLength: 100, ...extra });
const identity = [
  text('name', '姓名', { prefill: 'name', maxLength: 50 }),
  text('idNumber', '身份证号码', { prefill: 'idNumber', maxLength: 18 }),
  text('phone', '手机号码', { kind: 'phone', maxLength: 11 }),
];

/** Shaped like platform-sim's 新生儿出生一件事: item-local ids (`field3`, `m1`) that mean different things per item. */
const BIRTH: BundleItem = {
  code: 'QR00003001',
  form: [...identity, text('address', '住址', { required: false, prefill: 'address', maxLength: 200 }), text('field1', '新生儿姓名'), text('field2', '出生日期', { kind: 'date' }), text('field3', '出生医院')],
  materials: [
    { id: 'm1', name: '父母双方居民身份证', required: true, note: null, electronic: true },
    { id: 'm3', name: '结婚证', required: false, note: '复印件一份', electronic: true },
  ],
};
const HUKOU: BundleItem = {
  code: 'QR00004001',
  form: [...identity, text('field1', '新生儿姓名', { maxLength: 30 }), text('field2', '出生日期', { kind: 'date', required: false }), text('field3', '与户主关系', { kind: 'select', options: ['子', '女'] })],
  materials: [
    { id: 'm1', name: '父母双方居民身份证', required: true, note: null, electronic: true },
    { id: 'm3', name: '户口簿', required: true, note: null, electronic: false },
    { id: 'm4', name: '结婚证', required: true, note: null, electronic: false },
  ],
};
const CARD: BundleItem = {
  code: 'GG00002001',
  form: [...identity, text('field1', '领取方式', { kind: 'select', options: ['邮寄到家', '银行网点领取'] })],
  materials: [{ id: 'm2', name: '近期免冠照片', required: true, note: null, electronic: false }],
};

describe('mergeBundleForm', () => {
  it('asks each field once: same id and definition is one field, required if any item requires it, the smallest maxLength', () => {
    const c = mergeBundleForm([BIRTH, HUKOU]);
    expect(c.form.map((f) => f.id)).toEqual(['name', 'idNumber', 'phone', 'address', 'field1', 'field2', 'field3', 'field3-QR00004001']);
    expect(c.fieldSources.phone).toEqual([
      { itemCode: 'QR00003001', id: 'phone' },
      { itemCode: 'QR00004001', id: 'phone' },
    ]);
    expect(c.form.find((f) => f.id === 'field1')).toMatchObject({ label: '新生儿姓名', required: true, maxLength: 30 });
    // Optional in one item, required in the other: required.
    expect(c.form.find((f) => f.id === 'field2')).toMatchObject({ required: true, kind: 'date' });
  });

  it('keeps an id that means different things in two items as two fields (field3: 出生医院 / 与户主关系)', () => {
    const c = mergeBundleForm([BIRTH, HUKOU]);
    expect(c.form.find((f) => f.id === 'field3')).toMatchObject({ label: '出生医院' });
    expect(c.form.find((f) => f.id === 'field3-QR00004001')).toMatchObject({ label: '与户主关系', kind: 'select', options: ['子', '女'] });
    expect(c.fieldSources['field3-QR00004001']).toEqual([{ itemCode: 'QR00004001', id: 'field3' }]);
    // 领取方式 is `field1` of 社会保障卡申领 but not the 新生儿姓名 `field1`.
    const three = mergeBundleForm([BIRTH, HUKOU, CARD]);
    expect(three.form.find((f) => f.id === 'field1-GG00002001')).toMatchObject({ label: '领取方式' });
  });

  it('merges the same question asked under different ids in different items', () => {
    const a: BundleItem = { code: 'A', form: [text('field4', '银行账号', { kind: 'number' })], materials: [] };
    const b: BundleItem = { code: 'B', form: [text('field1', '银行账号', { kind: 'number' })], materials: [] };
    const c = mergeBundleForm([a, b]);
    expect(c.form).toHaveLength(1);
    expect(c.fieldSources.field4).toEqual([
      { itemCode: 'A', id: 'field4' },
      { itemCode: 'B', id: 'field1' },
    ]);
  });

  it('asks each material once: required if any item requires it, electronic only if every item holds it electronically', () => {
    const c = mergeBundleForm([BIRTH, HUKOU, CARD]);
    expect(c.materials.map((m) => [m.id, m.name, m.required, m.electronic])).toEqual([
      ['m1', '父母双方居民身份证', true, true],
      ['m3', '结婚证', true, false],
      ['m3-QR00004001', '户口簿', true, false],
      ['m2', '近期免冠照片', true, false],
    ]);
    expect(c.materials[1]!.note).toBe('复印件一份');
    expect(c.materialSources.m3).toEqual([
      { itemCode: 'QR00003001', id: 'm3' },
      { itemCode: 'QR00004001', id: 'm4' },
    ]);
  });

  it('is deterministic and gives a single item its own form unchanged', () => {
    expect(mergeBundleForm([BIRTH, HUKOU, CARD])).toEqual(mergeBundleForm([BIRTH, HUKOU, CARD]));
    const one = mergeBundleForm([HUKOU]);
    expect(one.form).toEqual(HUKOU.form);
    expect(one.materials).toEqual(HUKOU.materials);
  });
});

describe('splitBundleForm and collectBundleProblems', () => {
  it('gives each item its own ids and values back', () => {
    const c = mergeBundleForm([BIRTH, HUKOU]);
    const values = { phone: '13800138000', field1: '张小宝', field3: '市妇幼保健院', 'field3-QR00004001': '子' };
    const provided = [
      { id: 'm3', provided: true },
      { id: 'm3-QR00004001', provided: false },
    ];
    expect(splitBundleForm(c, 'QR00004001', values, provided)).toEqual({
      form: { phone: '13800138000', field1: '张小宝', field3: '子' },
      materials: [
        { id: 'm4', provided: true },
        { id: 'm3', provided: false },
      ],
    });
    expect(splitBundleForm(c, 'QR00003001', values, provided).form).toEqual({ phone: '13800138000', field1: '张小宝', field3: '市妇幼保健院' });
  });

  it('tells every problem once, naming the item only when it is specific to it', () => {
    const items = [BIRTH, HUKOU, CARD];
    const c = mergeBundleForm(items);
    const values = { name: '张三', idNumber: '110101199003070015', phone: '123', field1: '', 'field3-QR00004001': '侄' };
    const perItem = items.map((item) => {
      const own = splitBundleForm(c, item.code, values, []);
      return { itemCode: item.code, problems: precheckApplication(item.form, own.form, item.materials, own.materials) };
    });
    expect(collectBundleProblems(c, perItem)).toEqual([
      // Shared by all three items: once, no item named.
      { target: 'field', id: 'phone', problem: 'invalid', itemCode: null },
      // Shared by two items and missing in both: once.
      { target: 'field', id: 'field1', problem: 'missing', itemCode: null },
      { target: 'field', id: 'field2', problem: 'missing', itemCode: 'QR00003001' },
      { target: 'field', id: 'field3', problem: 'missing', itemCode: 'QR00003001' },
      { target: 'field', id: 'field3-QR00004001', problem: 'invalid', itemCode: 'QR00004001' },
      { target: 'field', id: 'field1-GG00002001', problem: 'missing', itemCode: 'GG00002001' },
      { target: 'material', id: 'm3', problem: 'missing', itemCode: 'QR00004001' },
      { target: 'material', id: 'm3-QR00004001', problem: 'missing', itemCode: 'QR00004001' },
      { target: 'material', id: 'm2', problem: 'missing', itemCode: 'GG00002001' },
    ]);
  });
});
