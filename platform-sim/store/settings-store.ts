import type Database from 'better-sqlite3';

/** Who a scoped pin applies to: one terminal (its device id) or one group (a site id or a group set by the admin). */
export type PinScope = { terminal: string } | { group: string };

function scopedKey(scope: PinScope): string {
  return 'terminal' in scope ? `pin:terminal:${scope.terminal}` : `pin:group:${scope.group}`;
}

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

  /** Sets (string) or clears (null) the pin of one terminal (`terminal`) or one group (`group`); the platform-wide pin is {@link setPinnedVersion}. */
  setScopedPin(scope: PinScope, version: string | null): void {
    this.put(scopedKey(scope), version);
  }

  /** Puts terminal `terminal` into `group` (null: back to its enrolment site). */
  setTerminalGroup(terminal: string, group: string | null): void {
    this.put(`terminalGroup:${terminal}`, group);
  }

  /** The group of `terminal`: its explicit group, else its enrolment site (`siteId`), else null. */
  terminalGroup(terminal: string, siteId: string | null): string | null {
    return this.get(`terminalGroup:${terminal}`) ?? siteId;
  }

  /**
   * The version pinned for one terminal: its own pin, else its group's,
   * else the platform-wide pin, else null.
   */
  pinnedVersionFor(terminal: string, group: string | null): string | null {
    return this.get(scopedKey({ terminal })) ?? (group === null ? null : this.get(scopedKey({ group }))) ?? this.pinnedVersion();
  }

  /** Every pin: platform-wide (`scope: "all"`), per group, per terminal. */
  pins(): Array<{ scope: 'all' | 'group' | 'terminal'; id: string | null; version: string }> {
    const rows = this.db.prepare("SELECT key, value FROM settings WHERE key = 'pinnedVersion' OR key LIKE 'pin:%' ORDER BY key").all() as { key: string; value: string }[];
    return rows.map((r) => {
      if (r.key === 'pinnedVersion') return { scope: 'all' as const, id: null, version: r.value };
      const [, scope, ...id] = r.key.split(':');
      return { scope: scope === 'group' ? ('group' as const) : ('terminal' as const), id: id.join(':'), version: r.value };
    });
  }

  private get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? row.value : null;
  }

  private put(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
  }

  /** Catalogue bumps in order, to replay at start-up. */
  bumps(): { version: number; changes: number }[] {
    return this.db.prepare('SELECT version, changes FROM catalogue_bumps ORDER BY version').all() as { version: number; changes: number }[];
  }

  /** Catalogue edits in order (`POST /admin/catalogue/edit`), to replay at start-up among the bumps by version. */
  edits(): { version: number; code: string; locale: 'zh-CN' | 'zh-TW' | 'en' | 'ug'; name: string }[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS catalogue_edits (version INTEGER PRIMARY KEY, code TEXT NOT NULL, locale TEXT NOT NULL, name TEXT NOT NULL, at TEXT NOT NULL)');
    return this.db.prepare('SELECT version, code, locale, name FROM catalogue_edits ORDER BY version').all() as { version: number; code: string; locale: 'zh-CN' | 'zh-TW' | 'en' | 'ug'; name: string }[];
  }

  /** Logs an edit that made `version`. */
  addEdit(version: number, edit: { code: string; locale: string; name: string }, at: string): void {
    this.edits();
    this.db.prepare('INSERT INTO catalogue_edits (version, code, locale, name, at) VALUES (?, ?, ?, ?, ?)').run(version, edit.code, edit.locale, edit.name, at);
  }

  /** Logs a bump that made `version`. */
  addBump(version: number, changes: number, at: string): void {
    this.db.prepare('INSERT INTO catalogue_bumps (version, changes, at) VALUES (?, ?, ?)').run(version, changes, at);
  }
}
