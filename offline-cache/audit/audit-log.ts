import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** Hash of the (virtual) row before the first: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Result of {@link AuditLog.verify}. */
export interface AuditVerifyResult {
  ok: boolean;
  /** Id of the first row that fails (altered, inserted, or following a deleted row); null when intact. */
  brokenAt: number | null;
  /** Rows checked. */
  rows: number;
}

/** SHA-256 (hex) linking a row to its predecessor. */
export function auditHash(prevHash: string, id: number, at: string, action: string, detail: string): string {
  return createHash('sha256').update([prevHash, String(id), at, action, detail].join('\n'), 'utf8').digest('hex');
}

/**
 * Append-only, hash-chained audit log of privileged actions (technician
 * login, configuration change, reprint...). `detail` must never contain
 * personal data. The head (last id and hash) is also kept in `config`, so
 * deleting rows from the end is detected too.
 */
export class AuditLog {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
  ) {}

  /** Appends one entry, chained to the last. Throws StorageError on disk full. */
  append(action: string, detail: Record<string, unknown> = {}): void {
    const detailText = JSON.stringify(detail);
    this.guard(() =>
      this.writer
        .transaction(() => {
          const last = this.writer.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
          const id = (last?.id ?? 0) + 1;
          const prev = last?.hash ?? GENESIS_HASH;
          const at = this.now().toISOString();
          const hash = auditHash(prev, id, at, action, detailText);
          this.writer.prepare('INSERT INTO audit_log (id, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, action, detailText, prev, hash);
          this.writer
            .prepare('INSERT OR REPLACE INTO config (key, value, updated_at) VALUES (?, ?, ?)')
            .run('audit.head', JSON.stringify({ id, hash }), at);
        })
        .immediate(),
    );
  }

  /**
   * Walks the chain from the first row. A row fails when its id is not the
   * previous id + 1, its `prev_hash` is not the previous row's hash, or its
   * hash does not match its content; the recorded head must match the last
   * row (catches truncation). `brokenAt` names the first failing row id
   * (for truncation: the id after the last row present).
   */
  verify(): AuditVerifyResult {
    let prevHash = GENESIS_HASH;
    let prevId = 0;
    let rows = 0;
    const iter = this.reader.prepare('SELECT id, at, action, detail, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<{
      id: number;
      at: string;
      action: string;
      detail: string;
      prev_hash: string;
      hash: string;
    }>;
    for (const r of iter) {
      rows++;
      const expected = auditHash(prevHash, r.id, r.at, r.action, r.detail);
      if (r.id !== prevId + 1 || r.prev_hash !== prevHash || r.hash !== expected) return { ok: false, brokenAt: r.id, rows };
      prevHash = r.hash;
      prevId = r.id;
    }
    const headRow = this.reader.prepare(`SELECT value FROM config WHERE key = 'audit.head'`).get() as { value: string } | undefined;
    if (headRow) {
      let head: { id?: unknown; hash?: unknown } = {};
      try {
        head = JSON.parse(headRow.value) as { id?: unknown; hash?: unknown };
      } catch {
        return { ok: false, brokenAt: prevId + 1, rows };
      }
      if (head.id !== prevId || head.hash !== prevHash) return { ok: false, brokenAt: prevId + 1, rows };
    } else if (rows > 0) {
      return { ok: false, brokenAt: prevId + 1, rows };
    }
    return { ok: true, brokenAt: null, rows };
  }
}
