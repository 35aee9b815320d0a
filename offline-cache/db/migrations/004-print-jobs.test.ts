import { describe, expect, it } from 'vitest';
import { databaseAt, schemaNames } from './test-helpers';

describe('migration 004 print jobs', () => {
  it('adds print_jobs with a state check', () => {
    const db = databaseAt(4);
    expect(schemaNames(db)).toEqual(expect.arrayContaining(['print_jobs', 'print_jobs_by_state']));
    const ins = db.prepare(`INSERT INTO print_jobs (id, transaction_id, state, reason, document, created_at, updated_at) VALUES (?, NULL, ?, NULL, NULL, 't', 't')`);
    ins.run('j1', 'queued');
    expect(() => ins.run('j2', 'shredded')).toThrow(/CHECK/);
  });
});
