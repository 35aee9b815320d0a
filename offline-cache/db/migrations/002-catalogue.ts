import type { Migration } from './migration';

/** Catalogue cache: items and life-event bundles as validated JSON; the version lives in `catalogue_meta`. */
export const migration002Catalogue: Migration = {
  version: 2,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_items (
        code TEXT PRIMARY KEY,
        body TEXT NOT NULL
      ) STRICT;
      CREATE TABLE catalogue_life_events (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL
      ) STRICT;
      CREATE TABLE catalogue_meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO catalogue_meta (name, value) VALUES ('version', '0');
    `);
  },
};
