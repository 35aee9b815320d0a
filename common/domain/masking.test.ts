import { describe, expect, it } from 'vitest';
import { maskFieldValue, maskIdNumber, maskName } from './masking';
import { idNumberCheckChar, isValidIdNumber } from './id-number';

describe('masking', () => {
  it('masks Chinese names keeping the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
  });
  it('masks rare (astral) characters as one character', () => {
    expect(maskName('𠀋一二')).toBe('𠀋**');
  });
  it('masks ID numbers keeping 4 + 4', () => {
    expect(maskIdNumber('110101199003070015')).toBe('1101**********0015');
  });
});

describe('GB 11643 check digit', () => {
  it('accepts a valid number and rejects a wrong check digit', () => {
    const first17 = '11010519491231002';
    const check = idNumberCheckChar(first17);
    expect(check).toBe('X');
    expect(isValidIdNumber(first17 + check)).toBe(true);
    expect(isValidIdNumber(first17 + '1')).toBe(false);
    expect(isValidIdNumber('abc')).toBe(false);
  });
});

describe('form values on review screens', () => {
  it('masks account, card and document numbers like ID numbers, by label or by a long digit run', () => {
    expect(maskFieldValue({ label: '银行账号', kind: 'number' }, '6222021234567890123')).toBe('6222***********0123');
    expect(maskFieldValue({ label: '银行账号', kind: 'number' }, '6222 0212 3456 7890')).toBe('6222********7890');
    expect(maskFieldValue({ label: '逝者身份证号', kind: 'text' }, '110101194001010019')).toBe('1101**********0019');
    expect(maskFieldValue({ label: '备注', kind: 'text' }, '6222021234567890')).toBe('6222********7890');
  });
  it('leaves phone numbers, short numbers and words readable', () => {
    expect(maskFieldValue({ label: '联系电话', kind: 'phone' }, '13800138000')).toBe('13800138000');
    expect(maskFieldValue({ label: '缴费档次（元/年）', kind: 'select' }, '500')).toBe('500');
    expect(maskFieldValue({ label: '工作单位', kind: 'text' }, '幸福村委会')).toBe('幸福村委会');
    expect(maskFieldValue({ label: '银行账号', kind: 'number' }, '')).toBe('');
  });
});
