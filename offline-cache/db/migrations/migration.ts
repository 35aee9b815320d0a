import type Database from 'better-sqlite3';

/**
 * One numbered schema step. `up` runs inside the migration transaction and
 * must only add (tables, columns, indexes); `PRAGMA user_version` records the
 * highest applied `version`.
 */
export interface Migration {
  /** 1-based, consecutive. */
  version: number;
  /** Short kebab-case name, matching the file name. */
  name: string;
  up(db: Database.Database): void;
}
