import type Database from 'better-sqlite3';

/** Durable platform settings: the pinned kiosk version and the catalogue bump log. */
export class SettingsStore {
  constructor(private readonly db: Database.Database) {}

  /** The kiosk version the platform pins, or null when none. */
  pinnedVersion(): string | null {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'pinnedVersion'").get() as { value: string } | undefined;
    return row ? row.value : null;
  }

  /** Sets (string) or clears (null) the pinned version. */
  setPinnedVersion(version: string | null): void {
    if (version === null) this.db.prepare("DELETE FROM settings WHERE key = 'pinnedVersion'").run();
    else this.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('pinnedVersion', ?)").run(version);
  }

  /** Catalogue bumps in order, to replay at start-up. */
  bumps(): { version: number; changes: number }[] {
    return this.db.prepare('SELECT version, changes FROM catalogue_bumps ORDER BY version').all() as { version: number; changes: number }[];
  }

  /** Logs a bump that made `version`. */
  addBump(version: number, changes: number, at: string): void {
    this.db.prepare('INSERT INTO catalogue_bumps (version, changes, at) VALUES (?, ?, ?)').run(version, changes, at);
  }
}
