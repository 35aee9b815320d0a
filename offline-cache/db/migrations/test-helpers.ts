import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from './index';

/** An in-memory database migrated up to and including `version` (test helper). */
export function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  migrate(db, migrations, version);
  return db;
}

/** Names of user tables, triggers and indexes in `db`. */
export function schemaNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
}
