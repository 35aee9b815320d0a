import { describe, expect, it } from 'vitest';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 005 audit log', () => {
  it('adds audit_log whose rows cannot be updated or deleted', () => {
    const db = databaseAt(5);
    expect(schemaNames(db)).toEqual(expect.arrayContaining(['audit_log', 'audit_log_no_update', 'audit_log_no_delete']));
    db.prepare(`INSERT INTO audit_log (id, at, action, detail, prev_hash, hash) VALUES (1, 't', 'a', '{}', 'p', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'b'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});
