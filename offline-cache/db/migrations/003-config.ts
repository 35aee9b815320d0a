import type { Migration } from './migration';

/** Configuration cache: JSON values by key (platform-supplied settings, sync clock state). */
export const migration003Config: Migration = {
  version: 3,
  name: 'config',
  up(db) {
    db.exec(`
      CREATE TABLE config (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
