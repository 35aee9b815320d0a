import { describe, expect, it } from 'vitest';
import { isInMaintenanceWindow, localMinutes, minutesOfDay } from './maintenance-window';

/** Epoch ms of a Beijing wall-clock time on 2026-12-08 (UTC+8, no DST). */
const beijing = (hhmm: string): number => Date.parse(`2026-12-08T${hhmm}:00+08:00`);

describe('maintenance window', () => {
  const night = { start: '02:00', end: '05:00', timeZone: 'Asia/Shanghai' };

  it('is read in the terminal time zone, start inclusive, end exclusive', () => {
    expect(localMinutes(beijing('02:00'), 'Asia/Shanghai')).toBe(120);
    expect(isInMaintenanceWindow(night, beijing('01:59'))).toBe(false);
    expect(isInMaintenanceWindow(night, beijing('02:00'))).toBe(true);
    expect(isInMaintenanceWindow(night, beijing('04:59'))).toBe(true);
    expect(isInMaintenanceWindow(night, beijing('05:00'))).toBe(false);
    expect(isInMaintenanceWindow(night, beijing('14:00'))).toBe(false);
  });

  it('the same moment is inside for a Beijing terminal and outside for an Urumqi one (UTC+6)', () => {
    const moment = beijing('02:30');
    expect(isInMaintenanceWindow(night, moment)).toBe(true);
    expect(isInMaintenanceWindow({ ...night, timeZone: 'Asia/Urumqi' }, moment)).toBe(false);
  });

  it('a window crossing midnight (23:00–04:00)', () => {
    const w = { start: '23:00', end: '04:00', timeZone: 'Asia/Shanghai' };
    expect(isInMaintenanceWindow(w, beijing('22:59'))).toBe(false);
    expect(isInMaintenanceWindow(w, beijing('23:00'))).toBe(true);
    expect(isInMaintenanceWindow(w, beijing('00:00'))).toBe(true);
    expect(isInMaintenanceWindow(w, beijing('03:59'))).toBe(true);
    expect(isInMaintenanceWindow(w, beijing('04:00'))).toBe(false);
    expect(isInMaintenanceWindow(w, beijing('12:00'))).toBe(false);
  });

  it('refuses malformed times', () => {
    expect(minutesOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '2:00', '02:60', '0200', '']) expect(() => minutesOfDay(bad), bad).toThrow(RangeError);
  });
});
