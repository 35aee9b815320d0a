import { describe, expect, it } from 'vitest';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 003 config', () => {
  it('adds the config table keyed by key', () => {
    const db = databaseAt(3);
    expect(schemaNames(db)).toContain('config');
    const ins = db.prepare(`INSERT INTO config (key, value, updated_at) VALUES (?, ?, 't')`);
    ins.run('k', '1');
    expect(() => ins.run('k', '2')).toThrow(/UNIQUE|PRIMARY/);
  });
});
