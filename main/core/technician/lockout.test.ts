import { describe, expect, it } from 'vitest';
import { LOCKOUT_CONFIG_KEY, TechnicianLockout, lockoutDurationMs, type LockoutStorage } from './lockout';

function memoryStorage(): LockoutStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => (data.has(k) ? structuredClone(data.get(k)) : undefined), set: (k, v) => void data.set(k, structuredClone(v)) };
}

const MIN = 60_000;

describe('technician lockout (fake clock)', () => {
  it('lengths: 1, 2, 4, 8, 16, 32 minutes, then 60 minutes at most', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => lockoutDurationMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('the fifth refusal in a row locks for 1 minute; the next five for 2, then 4, then 8; a refusal while locked is not counted', () => {
    let t = Date.parse('2026-12-07T10:00:00Z');
    const lock = new TechnicianLockout(memoryStorage(), () => new Date(t));
    const measured: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 4; i++) {
        expect(lock.fail().lockedForMs).toBeNull();
        expect(lock.state()).toEqual({ lockedUntil: null, attemptsLeft: 4 - i });
      }
      const fifth = lock.fail();
      expect(fifth.state.attemptsLeft).toBe(0);
      const until = Date.parse(fifth.state.lockedUntil!);
      measured.push((until - t) / MIN);
      t = until - 1;
      expect(lock.state().lockedUntil).not.toBeNull();
      t = until;
      expect(lock.state()).toEqual({ lockedUntil: null, attemptsLeft: 5 });
    }
    expect(measured).toEqual([1, 2, 4, 8]);
  });

  it('survives a restart: a new instance over the same store is still locked and keeps counting', () => {
    let t = Date.parse('2026-12-07T10:00:00Z');
    const storage = memoryStorage();
    const first = new TechnicianLockout(storage, () => new Date(t));
    for (let i = 0; i < 5; i++) first.fail();
    const after = new TechnicianLockout(storage, () => new Date(t));
    expect(after.state().lockedUntil).toBe(new Date(t + MIN).toISOString());
    t += MIN;
    for (let i = 0; i < 5; i++) after.fail();
    expect(Date.parse(after.state().lockedUntil!) - t).toBe(2 * MIN);
  });

  it('a success clears the count and the growing lockout', () => {
    let t = Date.parse('2026-12-07T10:00:00Z');
    const lock = new TechnicianLockout(memoryStorage(), () => new Date(t));
    for (let i = 0; i < 5; i++) lock.fail();
    t += MIN;
    lock.fail();
    lock.succeed();
    expect(lock.state()).toEqual({ lockedUntil: null, attemptsLeft: 5 });
    for (let i = 0; i < 5; i++) lock.fail();
    expect(Date.parse(lock.state().lockedUntil!) - t).toBe(MIN);
  });

  it('an unreadable record fails closed (locked for 1 minute), not open', () => {
    const storage = memoryStorage();
    storage.data.set(LOCKOUT_CONFIG_KEY, { failures: 'x' });
    const t = Date.parse('2026-12-07T10:00:00Z');
    expect(new TechnicianLockout(storage, () => new Date(t)).state().lockedUntil).toBe(new Date(t + MIN).toISOString());
  });
});
