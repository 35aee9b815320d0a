import { describe, expect, it } from 'vitest';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 001 outbox', () => {
  it('creates outbox, transactions and the seq counter at 0', () => {
    const db = databaseAt(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(schemaNames(db)).toEqual(expect.arrayContaining(['outbox', 'transactions', 'counters', 'outbox_by_status']));
    expect(db.prepare(`SELECT value FROM counters WHERE name = 'seq'`).get()).toEqual({ value: 0 });
  });

  it('enforces kind, status and unique seq', () => {
    const db = databaseAt(1);
    const ins = db.prepare(`INSERT INTO outbox (id, seq, kind, status, payload, created_at) VALUES (?, ?, ?, ?, NULL, 't')`);
    ins.run('a', 1, 'transaction', 'pending');
    expect(() => ins.run('b', 1, 'transaction', 'pending')).toThrow(/UNIQUE/);
    expect(() => ins.run('c', 2, 'letter', 'pending')).toThrow(/CHECK/);
    expect(() => ins.run('d', 3, 'rating', 'lost')).toThrow(/CHECK/);
  });
});
