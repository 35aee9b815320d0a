import type { Migration } from './migration';

/** Rows that failed validation on read (or could not be recovered cleanly) are moved here, never deleted. */
export const migration006SetAside: Migration = {
  version: 6,
  name: 'set-aside',
  up(db) {
    db.exec(`
      CREATE TABLE set_aside (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        row_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        body BLOB,
        at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
