import type Database from 'better-sqlite3';
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

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

/** The head of the chain: the last row's id and hash (id 0 and {@link GENESIS_HASH} when empty). */
export interface AuditHead {
  id: number;
  hash: string;
}

/**
 * Unkeyed SHA-256 (hex) linking a row to its predecessor: how rows were
 * chained before the chain was keyed. Read only once, by
 * {@link AuditLog.upgradeToKeyed}; never accepted by `verify`.
 */
export function auditHash(prevHash: string, id: number, at: string, action: string, detail: string): string {
  return createHash('sha256').update([prevHash, String(id), at, action, detail].join('\n'), 'utf8').digest('hex');
}

/**
 * HMAC-SHA256 (hex) under the audit key linking a row to its predecessor:
 * someone who can write the database but does not hold the key cannot
 * rebuild the chain. (Someone holding the key can; the heads already sent
 * to the platform in heartbeats catch that.)
 */
export function auditMac(key: Buffer, prevHash: string, id: number, at: string, action: string, detail: string): string {
  return createHmac('sha256', key).update([prevHash, String(id), at, action, detail].join('\n'), 'utf8').digest('hex');
}

/** Recorded in config `audit.scheme` once the chain is keyed. */
const KEYED_SCHEME = 'hmac-sha256-v1';

type ChainRow = { id: number; at: string; action: string; detail: string; prev_hash: string; hash: string };

/** True when `rows` (ordered) form an intact unkeyed SHA-256 chain from the genesis hash. */
function legacyChainIntact(rows: readonly ChainRow[]): boolean {
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.id !== i + 1 || r.prev_hash !== prev || r.hash !== auditHash(prev, r.id, r.at, r.action, r.detail)) return false;
    prev = r.hash;
  }
  return true;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Append-only, keyed hash chain of privileged actions (technician login,
 * configuration change, reprint...): each row's hash is an HMAC under
 * `key` (derived from the data key, see {@link deriveAuditKey}) over the
 * previous hash and the row. `detail` must never contain personal data.
 * The head (last id and hash) is also kept in `config`, so deleting rows
 * from the end is detected too; the head goes to the platform in every
 * heartbeat.
 */
export class AuditLog {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
    private readonly key: Buffer,
  ) {}

  /** Appends one entry, chained to the last. Throws StorageError on disk full. */
  append(action: string, detail: Record<string, unknown> = {}): void {
    const detailText = JSON.stringify(detail);
    this.guard(() =>
      this.writer
        .transaction(() => this.insertRow(action, detailText, this.now().toISOString()))
        .immediate(),
    );
  }

  /** Inserts the next row and moves the recorded head; runs inside the caller's transaction. */
  private insertRow(action: string, detailText: string, at: string): void {
    const last = this.writer.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead | undefined;
    const id = (last?.id ?? 0) + 1;
    const prev = last?.hash ?? GENESIS_HASH;
    const hash = auditMac(this.key, prev, id, at, action, detailText);
    this.writer.prepare('INSERT INTO audit_log (id, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, action, detailText, prev, hash);
    this.writer.prepare('INSERT OR REPLACE INTO config (key, value, updated_at) VALUES (?, ?, ?)').run('audit.head', JSON.stringify({ id, hash }), at);
  }

  /**
   * Once per database: a chain written by a version before the chain was
   * keyed (config `audit.scheme` absent) is re-chained under the key when
   * its unkeyed SHA-256 chain is intact, and an `audit.keyed` row records
   * how many rows were re-chained and their old head. A broken unkeyed
   * chain is left as it is (verify reports it). Either way the scheme is
   * recorded and this never runs again. Someone who deletes the scheme
   * record and rebuilds the whole chain unkeyed is caught by the platform,
   * which holds the heads already sent.
   */
  upgradeToKeyed(): void {
    this.guard(() =>
      this.writer
        .transaction(() => {
          if (this.writer.prepare(`SELECT 1 FROM config WHERE key = 'audit.scheme'`).get()) return;
          const at = this.now().toISOString();
          this.writer.prepare('INSERT INTO config (key, value, updated_at) VALUES (?, ?, ?)').run('audit.scheme', JSON.stringify(KEYED_SCHEME), at);
          const rows = this.writer.prepare('SELECT id, at, action, detail, prev_hash, hash FROM audit_log ORDER BY id').all() as ChainRow[];
          if (rows.length === 0 || !legacyChainIntact(rows)) return;
          this.writer.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
          const update = this.writer.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
          let prev = GENESIS_HASH;
          for (const r of rows) {
            const hash = auditMac(this.key, prev, r.id, r.at, r.action, r.detail);
            update.run(prev, hash, r.id);
            prev = hash;
          }
          this.writer.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
          this.insertRow('audit.keyed', JSON.stringify({ rechainedRows: rows.length, legacyHead: rows.at(-1)!.hash }), at);
        })
        .immediate(),
    );
  }

  /** The last row's id and hash; `{ id: 0, hash: GENESIS_HASH }` when the log is empty. */
  head(): AuditHead {
    const last = this.reader.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead | undefined;
    return last ?? { id: 0, hash: GENESIS_HASH };
  }

  /** The stored hash of row `id`, or null when there is no such row. */
  hashAt(id: number): string | null {
    const row = this.reader.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /**
   * Walks the chain from the first row. A row fails when its id is not the
   * previous id + 1, its `prev_hash` is not the previous row's hash, or its
   * hash is not the keyed MAC of its content; the recorded head must match the last row (catches truncation). `brokenAt`
   * names the first failing row id (for truncation: the id after the last
   * row present).
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
      if (r.id !== prevId + 1 || r.prev_hash !== prevHash || !sameHex(r.hash, auditMac(this.key, prevHash, r.id, r.at, r.action, r.detail))) return { ok: false, brokenAt: r.id, rows };
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

/** Length of the audit key in bytes. */
export const AUDIT_KEY_BYTES = 32;

/**
 * The audit chain's HMAC key, derived from the data key with HKDF-SHA256
 * (its own `info`, so it never equals the field-encryption key).
 */
export function deriveAuditKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'kiosk audit chain v1', AUDIT_KEY_BYTES));
}
