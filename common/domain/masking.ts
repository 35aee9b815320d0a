/**
 * Masks a personal name for screen and paper: keeps the first character,
 * replaces the rest with `*` (张三 → 张*, 欧阳娜娜 → 欧***). A one-character
 * name becomes `*`. Latin names keep the first letter of each word.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '';
  if (/^[\x20-\x7e]+$/.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((w) => (w.length > 0 ? w[0] + '*'.repeat(Math.max(1, w.length - 1)) : w))
      .join(' ');
  }
  const chars = Array.from(trimmed);
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * Masks an ID / document number: keeps the first 4 and last 4 characters
 * (110101199003070015 → 1101**********0015). Numbers of 8 characters or fewer
 * keep only the last 2.
 */
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 8) return '*'.repeat(Math.max(0, s.length - 2)) + s.slice(-2);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}
