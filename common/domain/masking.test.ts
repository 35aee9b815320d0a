import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './masking';
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
