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

/** Labels of form fields whose value is an account, card or document number (masked like an ID number). */
const NUMBER_LABEL = /账号|帐号|账户|帐户|卡号|身份证号|证件号|护照号|account|card number|id number/i;

/**
 * True when a value a person typed into a form is an account, card or
 * document number: the field's label says so (银行账号, 逝者身份证号…), or
 * the value itself is 12 or more digits (a bank card is 16–19, an ID number
 * 18; a phone number's 11 stay readable). Phone fields are never masked.
 */
export function isSensitiveNumberField(field: { label: string; kind: string }, value: string): boolean {
  if (field.kind === 'phone') return false;
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length === 0) return false;
  return NUMBER_LABEL.test(field.label) || /^[0-9]{12,}[0-9Xx]?$/.test(compact);
}

/**
 * A form value as shown on a review screen or paper: account, card and
 * document numbers (see {@link isSensitiveNumberField}) masked like an ID
 * number (6222021234567890123 → 6222***********0123), everything else as is.
 */
export function maskFieldValue(field: { label: string; kind: string }, value: string): string {
  return isSensitiveNumberField(field, value) ? maskIdNumber(value.replace(/[\s-]/g, '')) : value;
}
