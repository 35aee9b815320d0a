import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function make(idleMs = 60_000, countdownSeconds = 15) {
    const log: string[] = [];
    const timer = new IdleTimer({
      idleMs,
      countdownSeconds,
      onCountdown: (s) => log.push(`c${s}`),
      onResume: () => log.push('resume'),
      onExpire: () => log.push('expire'),
    });
    return { timer, log };
  }

  it('stays quiet until the idle time has passed, then counts down every second and expires once', () => {
    const { timer, log } = make(60_000, 3);
    timer.start();
    vi.advanceTimersByTime(59_999);
    expect(log).toEqual([]);
    expect(timer.phase).toBe('watching');
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c3']);
    expect(timer.phase).toBe('counting');
    vi.advanceTimersByTime(3000);
    expect(log).toEqual(['c3', 'c2', 'c1', 'expire']);
    expect(timer.phase).toBe('stopped');
    vi.advanceTimersByTime(120_000);
    expect(log).toHaveLength(4);
  });

  it('a touch before the countdown restarts the quiet time', () => {
    const { timer, log } = make(10_000, 5);
    timer.start();
    vi.advanceTimersByTime(9_000);
    timer.touch();
    vi.advanceTimersByTime(9_000);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(log).toEqual(['c5']);
  });

  it('a touch during the countdown resumes and restarts the whole wait', () => {
    const { timer, log } = make(10_000, 5);
    timer.start();
    vi.advanceTimersByTime(12_000);
    expect(log).toEqual(['c5', 'c4', 'c3']);
    timer.touch();
    expect(log.at(-1)).toBe('resume');
    expect(timer.phase).toBe('watching');
    vi.advanceTimersByTime(9_999);
    expect(log).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('c5');
  });

  it('stop cancels everything and touch while stopped does nothing', () => {
    const { timer, log } = make(1_000, 2);
    timer.start();
    timer.stop();
    timer.touch();
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual([]);
    expect(timer.phase).toBe('stopped');
  });

  it('a countdown below one second still shows one second', () => {
    const { timer, log } = make(100, 0);
    timer.start();
    vi.advanceTimersByTime(1_100);
    expect(log).toEqual(['c1', 'expire']);
  });
});
