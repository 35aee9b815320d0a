import type { Migration } from './migration';

/** Print-job journal: queued → printing → done | failed. `document` is sealed (receipts carry names). */
export const migration004PrintJobs: Migration = {
  version: 4,
  name: 'print-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        transaction_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
        reason TEXT,
        document BLOB,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX print_jobs_by_state ON print_jobs (state, created_at);
    `);
  },
};
