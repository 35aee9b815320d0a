import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../tests/support/fake-clock';
import { scheduleNightlyRestart } from './nightly-restart';

/** Milliseconds of a Beijing wall-clock time (UTC+8, no DST). */
const beijing = (iso: string): number => Date.parse(`${iso}+08:00`);
const HOUR = 3_600_000;

describe('scheduleNightlyRestart (Asia/Shanghai, 03:00, forced at 05:00)', () => {
  const start = (at: string, idle: () => boolean) => {
    const clock = new FakeClock(beijing(at));
    const restarts: Array<{ why: string; at: string }> = [];
    const stop = scheduleNightlyRestart({
      hour: 3,
      forceHour: 5,
      timeZone: 'Asia/Shanghai',
      isIdle: idle,
      restart: (why) => void restarts.push({ why, at: new Date(clock.now() + 8 * HOUR).toISOString().slice(0, 16) }),
      clock,
    });
    return { clock, restarts, stop };
  };

  it('restarts an idle kiosk once, at the first check after 03:00, and not again that day', () => {
    const { clock, restarts } = start('2026-12-07T14:00:00', () => true);
    clock.advance(13 * HOUR - 1);
    expect(restarts).toEqual([]);
    clock.advance(1);
    expect(restarts).toEqual([{ why: 'idle', at: '2026-12-08T03:00' }]);
    clock.advance(20 * HOUR);
    expect(restarts).toHaveLength(1);
    clock.advance(8 * HOUR);
    expect(restarts.map((r) => r.at)).toEqual(['2026-12-08T03:00', '2026-12-09T03:00']);
  });

  it('waits while the kiosk is busy, restarts at the first idle moment, and forces it at 05:00 when it never is', () => {
    let idleFrom = beijing('2026-12-08T04:10:00');
    const { clock, restarts } = start('2026-12-07T23:00:00', () => clock.now() >= idleFrom);
    clock.advance(6 * HOUR);
    expect(restarts).toEqual([{ why: 'idle', at: '2026-12-08T04:10' }]);
    idleFrom = Number.POSITIVE_INFINITY;
    clock.advance(24 * HOUR);
    expect(restarts.at(-1)).toEqual({ why: 'forced', at: '2026-12-09T05:00' });
    expect(restarts).toHaveLength(2);
  });

  it('a kiosk switched on after 03:00 is not restarted that day; hours are Beijing time, not the machine zone', () => {
    const { clock, restarts } = start('2026-12-07T08:00:00', () => true);
    clock.advance(18 * HOUR);
    expect(restarts).toEqual([]);
    clock.advance(1 * HOUR);
    expect(restarts.map((r) => r.at)).toEqual(['2026-12-08T03:00']);
  });

  it('refuses a force hour before the restart hour, and stops when told', () => {
    expect(() => scheduleNightlyRestart({ hour: 4, forceHour: 2, timeZone: 'Asia/Shanghai', isIdle: () => true, restart: () => undefined })).toThrow(RangeError);
    const { clock, restarts, stop } = start('2026-12-07T14:00:00', () => true);
    stop();
    clock.advance(48 * HOUR);
    expect(restarts).toEqual([]);
  });
});
