import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

/** How long (ms) a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/** The two connections of one store: all writes go through `writer`; `reader` is opened read-only. */
export interface DatabaseHandles {
  /** The only connection that writes. */
  writer: Database.Database;
  /** Read-only connection (SQLite refuses writes on it), so a read path cannot write. */
  reader: Database.Database;
  close(): void;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Upper bound on the database size in pages of 4 KiB (`PRAGMA max_page_count`),
   * for bounded-disk installs and for disk-full tests. Default: SQLite's own limit.
   */
  maxPageCount?: number;
}

/**
 * Applies the connection settings. Why each:
 * - `journal_mode=WAL`: readers never block the writer and vice versa; a second
 *   process (kioskctl) can write between the kiosk's transactions.
 * - `synchronous=FULL`: the WAL is fsynced at every commit, so a transaction
 *   reported "submitted" survives power loss, not just a process crash.
 * - `busy_timeout`: a second process waits for the write lock instead of failing.
 * - `secure_delete=ON`: purged personal ciphertext is overwritten with zeros.
 */
function applyPragmas(db: Database.Database, readonly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
  }
  db.pragma('foreign_keys = ON');
}

/**
 * Opens (creating and migrating when needed) the store file at `path` with a
 * writer and a read-only reader. Runs `PRAGMA quick_check` first; throws the
 * SQLite error (code `SQLITE_CORRUPT` / `SQLITE_NOTADB`, or an Error with
 * code `SQLITE_CORRUPT` when the check reports damage) so the caller can
 * quarantine the file.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): DatabaseHandles {
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path);
  const writer = new Database(path);
  try {
    applyPragmas(writer, false);
    if (existed) {
      const check = writer.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    }
    migrate(writer);
    if (options.maxPageCount !== undefined) writer.pragma(`max_page_count = ${options.maxPageCount}`);
  } catch (e) {
    writer.close();
    throw e;
  }
  const reader = new Database(path, { readonly: true });
  applyPragmas(reader, true);
  return {
    writer,
    reader,
    close() {
      reader.close();
      writer.close();
    },
  };
}
