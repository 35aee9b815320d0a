import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { openDatabase, type DatabaseHandles, type OpenDatabaseOptions } from './open-database';

/** Tables copied from a quarantined file into a fresh one, in this order. */
const RECOVERABLE_TABLES = ['counters', 'outbox', 'transactions', 'catalogue_items', 'catalogue_life_events', 'catalogue_meta', 'config', 'print_jobs', 'audit_log', 'set_aside'] as const;

/** Consecutive unreadable rowids probed past a damaged spot before giving up on a table. */
const MAX_PROBE_GAP = 2_000;

/** What {@link quarantineAndRecover} did. */
export interface RecoveryReport {
  /** Path the damaged file was renamed to (never deleted). */
  quarantinedPath: string;
  /** Rows copied per table. */
  recovered: Record<string, number>;
  /** Rows that could not be read or inserted, per table. */
  lost: Record<string, number>;
}

/**
 * Renames the damaged file (and its -wal/-shm) to `<path>.corrupt-<time>`,
 * creates a fresh migrated file at `path`, and copies every row it can read
 * from the quarantined copy. Reading goes row by row in rowid order and, after
 * an unreadable spot, probes single rowids so rows beyond a damaged page are
 * still found. The `seq` counter is raised to at least the highest recovered
 * seq so sequence numbers are never reused. Throws only when the fresh file
 * cannot be created.
 */
export function quarantineAndRecover(path: string, now: Date, options: OpenDatabaseOptions = {}): { handles: DatabaseHandles; report: RecoveryReport } {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const quarantinedPath = `${path}.corrupt-${stamp}`;
  renameSync(path, quarantinedPath);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, quarantinedPath + suffix);
  }
  const handles = openDatabase(path, options);
  const report: RecoveryReport = { quarantinedPath, recovered: {}, lost: {} };
  let old: Database.Database | null = null;
  try {
    old = new Database(quarantinedPath, { readonly: true, fileMustExist: true });
  } catch {
    return { handles, report };
  }
  try {
    for (const table of RECOVERABLE_TABLES) copyTable(old, handles.writer, table, report);
    const maxSeq = handles.writer.prepare('SELECT max(seq) AS m FROM (SELECT seq FROM outbox UNION ALL SELECT seq FROM transactions)').get() as { m: number | null };
    handles.writer.prepare('UPDATE counters SET value = max(value, ?) WHERE name = ?').run(maxSeq.m ?? 0, 'seq');
  } finally {
    old.close();
  }
  return { handles, report };
}

function copyTable(from: Database.Database, to: Database.Database, table: string, report: RecoveryReport): void {
  let recovered = 0;
  let lost = 0;
  let columns: string[];
  try {
    columns = (from.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  } catch {
    report.recovered[table] = 0;
    report.lost[table] = 0;
    return;
  }
  if (columns.length === 0) return;
  const insert = to.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const next = from.prepare(`SELECT rowid AS __rowid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 500`);
  const one = from.prepare(`SELECT rowid AS __rowid, * FROM ${table} WHERE rowid = ?`);
  // Audit rows keep their id; its triggers refuse REPLACE of an existing row, which never happens in a fresh file.
  const write = to.transaction((rows: Array<Record<string, unknown>>) => {
    for (const row of rows) {
      try {
        insert.run(...columns.map((c) => row[c]));
        recovered++;
      } catch {
        lost++;
      }
    }
  });
  let cursor = -Infinity;
  let gap = 0;
  for (;;) {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = next.all(cursor === -Infinity ? Number.MIN_SAFE_INTEGER : cursor) as Array<Record<string, unknown>>;
    } catch {
      // Damaged page: probe rowids one at a time past it.
      const start = cursor === -Infinity ? 0 : cursor;
      let found: Record<string, unknown> | undefined;
      for (let id = start + 1; id <= start + MAX_PROBE_GAP; id++) {
        try {
          found = one.get(id) as Record<string, unknown> | undefined;
        } catch {
          lost++;
          continue;
        }
        if (found) break;
      }
      if (!found) break;
      write([found]);
      cursor = found.__rowid as number;
      gap++;
      if (gap > MAX_PROBE_GAP) break;
      continue;
    }
    if (rows.length === 0) break;
    write(rows);
    cursor = rows[rows.length - 1]!.__rowid as number;
  }
  report.recovered[table] = recovered;
  report.lost[table] = lost;
}
