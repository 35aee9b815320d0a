import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatLocalDateTime, isTimeZone } from './local-time';

describe('local time of the terminal', () => {
  it('formats in the configured zone, not the process zone: 2026-12-06 23:30 UTC is 12月7日 in Beijing', () => {
    expect(formatLocalDateTime('2026-12-06T23:30:00.000Z')).toBe('2026-12-07 07:30');
    expect(formatLocalDateTime('2026-12-06T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07 07:30');
    expect(formatLocalDateTime('2026-12-06T23:30:00.000Z', 'UTC')).toBe('2026-12-06 23:30');
    expect(formatLocalDate('2026-12-06T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07');
    expect(formatLocalDateTime('2026-12-06T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07 00:00');
  });

  it('knows IANA zone names and refuses others', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Urumqi')).toBe(true);
    expect(isTimeZone('Beijing')).toBe(false);
  });

  it('returns an unparsable value as is', () => {
    expect(formatLocalDateTime('not a date')).toBe('not a date');
  });
});
