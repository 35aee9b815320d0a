import type Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/migration';

/**
 * Applies every migration above `PRAGMA user_version`, each in its own
 * IMMEDIATE transaction (so two processes opening the same file at once
 * serialise and the loser sees the new version and skips). Returns the final
 * version. Throws when the file is newer than this code (a downgrade) rather
 * than touching it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations, upTo = Infinity): number {
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new Error(`database schema version ${current} is newer than this software (${latest})`);
  for (const m of migrations) {
    if (m.version > upTo) break;
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now >= m.version) return;
      if (now !== m.version - 1) throw new Error(`migration ${m.version} expects version ${m.version - 1}, found ${now}`);
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
