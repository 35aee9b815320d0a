import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 006 set-aside', () => {
  it('adds set_aside and brings the file to the latest version', () => {
    const db = databaseAt(6);
    expect(schemaNames(db)).toContain('set_aside');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('is idempotent and refuses a newer file', () => {
    const db = databaseAt(6);
    expect(migrate(db)).toBe(6);
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer/);
  });
});
