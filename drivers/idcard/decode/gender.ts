import type { GenderCode } from '../types';

/** GB/T 2261.1 gender labels (Simplified Chinese). */
export const GENDER_LABELS: Readonly<Record<GenderCode, string>> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };

/** True when `code` is one of 0, 1, 2, 9. */
export function isGenderCode(code: string): code is GenderCode {
  return code === '0' || code === '1' || code === '2' || code === '9';
}
