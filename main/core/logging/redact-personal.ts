/**
 * Removes personal data from a log record before it is written. Written
 * here rather than with pino's `redact` option because pino (fast-redact)
 * needs every path spelled out and wildcards match one level only, while
 * personal fields can sit at any depth of an event payload (a session's
 * identity, a form's `data`): this walks the whole value instead.
 *
 * - A value under a personal key (name, idNumber, address, phone, photo,
 *   face, signature, bank account…, compared case-insensitively and ignoring
 *   `_`/`-`) becomes `[redacted]`.
 * - A form's `data`/`fields`/`values` object has every value redacted (its
 *   keys, which are field ids, are kept).
 * - Any string containing an ID-card number (17 digits + digit or X) or an
 *   11-digit mobile number has those digits replaced.
 *
 * Depth is capped at 8 and arrays at 50 items; cycles become `[cycle]`.
 */
export function redactPersonal(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

/** What replaces a personal value. */
export const REDACTED = '[redacted]';

const PERSONAL_KEYS = new Set(
  [
    'name',
    'fullName',
    'holderName',
    'idNumber',
    'idNo',
    'certNo',
    'address',
    'phone',
    'mobile',
    'telephone',
    'photo',
    'face',
    'portrait',
    'signature',
    'birthDate',
    'birthday',
    'bankAccount',
    'accountNumber',
    'account',
    'email',
    'payload',
  ].map(normaliseKey),
);

/** Objects whose every value is what a person typed or a card held. */
const FORM_KEYS = new Set(['data', 'fields', 'values', 'form', 'identity', 'card'].map(normaliseKey));

const ID_NUMBER = /\d{17}[\dXx]/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

function normaliseKey(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

function scrubString(s: string): string {
  return s.replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED);
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: scrubString(value.message) };
  if (seen.has(value)) return '[cycle]';
  if (depth >= 8) return '[depth]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => walk(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = normaliseKey(key);
    if (PERSONAL_KEYS.has(k)) out[key] = v === null || v === undefined ? v : REDACTED;
    else if (FORM_KEYS.has(k) && v !== null && typeof v === 'object') out[key] = Object.fromEntries(Object.keys(v).map((f) => [f, REDACTED]));
    else out[key] = walk(v, depth + 1, seen);
  }
  return out;
}
