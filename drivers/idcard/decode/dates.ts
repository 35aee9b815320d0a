import { DeviceError } from '../../base/errors';

/** The value of `validTo` for a card valid for life (长期). */
export const LONG_TERM = 'long-term';

/**
 * Turns YYYYMMDD into YYYY-MM-DD. Throws an `InvalidData` DeviceError when
 * the text is not a real calendar date. `field` names the field in the error.
 */
export function cardDate(text: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw invalid(field);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) throw invalid(field);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Like {@link cardDate}, but "长期" (long-term) becomes {@link LONG_TERM}. */
export function validToDate(text: string): string {
  return text.startsWith('长期') ? LONG_TERM : cardDate(text, 'validTo');
}

/** Today's local date as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** True when `validTo` (YYYY-MM-DD or long-term) lies before the local date of `now`. */
export function isExpired(validTo: string, now: Date): boolean {
  return validTo !== LONG_TERM && validTo < localIsoDate(now);
}

function invalid(field: string): DeviceError {
  return new DeviceError('InvalidData', `card field ${field} is not a valid date`, { messageZh: `证件日期字段无效（${field}）` });
}
