import { describe, expect, it } from 'vitest';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 002 catalogue', () => {
  it('adds the catalogue tables with version 0 and keeps 001 data', () => {
    const db = databaseAt(1);
    db.prepare(`INSERT INTO outbox (id, seq, kind, status, payload, created_at) VALUES ('a', 1, 'transaction', 'pending', NULL, 't')`).run();
    db.close();
    const fresh = databaseAt(2);
    expect(schemaNames(fresh)).toEqual(expect.arrayContaining(['catalogue_items', 'catalogue_life_events', 'catalogue_meta']));
    expect(fresh.prepare(`SELECT value FROM catalogue_meta WHERE name = 'version'`).get()).toEqual({ value: '0' });
    expect(fresh.pragma('user_version', { simple: true })).toBe(2);
  });

  it('does not exist before it runs', () => {
    expect(schemaNames(databaseAt(1))).not.toContain('catalogue_items');
  });
});
