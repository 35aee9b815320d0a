import { describe, expect, it } from 'vitest';
import { clampSelection, deleteBackward, endOf, fitsAt, insertText, roomAt } from './text-edit';

const at = (n: number) => ({ start: n, end: n });

describe('caret-aware text editing', () => {
  it('inserts at the caret, not at the end, and puts the caret after the insertion', () => {
    expect(insertText('张三', at(1), '小', 10)).toEqual({ value: '张小三', caret: 2 });
    expect(insertText('abc', at(0), 'x', 10)).toEqual({ value: 'xabc', caret: 1 });
    expect(insertText('abc', endOf('abc'), '北京', 10)).toEqual({ value: 'abc北京', caret: 5 });
  });

  it('replaces a selection', () => {
    expect(insertText('幸福村三组', { start: 2, end: 4 }, '五', 10)).toEqual({ value: '幸福五组', caret: 3 });
    expect(insertText('abc', { start: 3, end: 0 }, 'z', 10)).toEqual({ value: 'z', caret: 1 });
  });

  it('cuts the insertion to the room left, counting the replaced selection as free', () => {
    expect(insertText('abcd', at(2), 'xyz', 5)).toEqual({ value: 'abxcd', caret: 3 });
    expect(insertText('abcd', { start: 0, end: 2 }, 'xyz', 5)).toEqual({ value: 'xyzcd', caret: 3 });
    expect(insertText('abcde', at(2), 'x', 5)).toEqual({ value: 'abcde', caret: 2 });
    expect([roomAt('abcd', at(1), 5), roomAt('abcd', { start: 0, end: 2 }, 5), roomAt('abcde', at(0), 5), roomAt('abcdef', at(0), 5)]).toEqual([1, 3, 0, 0]);
  });

  it('counts characters outside the BMP as one and never splits them', () => {
    const value = 'a𠀋b';
    expect(insertText(value, at(2), 'x', 10)).toEqual({ value: 'ax𠀋b', caret: 2 });
    expect(insertText(value, at(3), 'x', 4)).toEqual({ value: 'a𠀋xb', caret: 4 });
    expect(fitsAt(value, at(0), '𠀋', 4)).toBe(true);
    expect(fitsAt(value, at(0), '𠀋𠀋', 4)).toBe(false);
  });

  it('backspace deletes the character before the caret, or the selection', () => {
    expect(deleteBackward('张小三', at(2))).toEqual({ value: '张三', caret: 1 });
    expect(deleteBackward('abc', at(0))).toEqual({ value: 'abc', caret: 0 });
    expect(deleteBackward('abcdef', { start: 1, end: 4 })).toEqual({ value: 'aef', caret: 1 });
    expect(deleteBackward('a𠀋b', at(3))).toEqual({ value: 'ab', caret: 1 });
    expect(deleteBackward('abc', null)).toEqual({ value: 'ab', caret: 2 });
  });

  it('clamps selections that do not fit the value', () => {
    expect(clampSelection('abc', { start: -4, end: 99 })).toEqual({ start: 0, end: 3 });
    expect(clampSelection('abc', { start: Number.NaN, end: 1 })).toEqual({ start: 1, end: 3 });
    expect(clampSelection('abc', undefined)).toEqual({ start: 3, end: 3 });
  });
});
