const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Computes the GB 11643 check character for the first 17 digits of an
 * 18-character citizen ID number. Throws a RangeError when `first17` is not 17 digits.
 */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when `idNumber` is 17 digits plus a correct GB 11643 check character (X upper or lower case). */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return false;
  return idNumberCheckChar(idNumber.slice(0, 17)) === idNumber[17]!.toUpperCase();
}
