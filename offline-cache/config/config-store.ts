import type Database from 'better-sqlite3';

/** Configuration cache: JSON values by key. Values must be JSON-serialisable and carry no personal data. */
export class ConfigStore {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
  ) {}

  /** The value stored under `key`, or null when absent or unreadable. */
  get(key: string): unknown {
    const r = this.reader.prepare('SELECT value FROM config WHERE key = ?').get(key) as { value: string } | undefined;
    if (!r) return null;
    try {
      return JSON.parse(r.value) as unknown;
    } catch {
      return null;
    }
  }

  /** Stores `value` (JSON) under `key`, replacing any previous value. Throws StorageError on disk full. */
  set(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('config value must be JSON-serialisable');
    this.guard(() => {
      this.writer.prepare('INSERT OR REPLACE INTO config (key, value, updated_at) VALUES (?, ?, ?)').run(key, text, this.now().toISOString());
    });
  }
}
