import type Database from 'better-sqlite3';

/** The three batch kinds; each has its own dedupe namespace. */
export type RecordKind = 'transaction' | 'rating' | 'telemetry';

/** One item of a batch after validation. */
export type EvaluatedItem =
  | { id: string; ok: true; seq: number; service: string; payload: unknown }
  | { id: string | null; ok: false; reason: string };

/** Per-item outcome, in request order. */
export interface ItemResult {
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
}

/** A stored record as the admin endpoints list it. */
export interface StoredRecord {
  id: string;
  deviceId: string;
  seq: number;
  service: string;
  payload: unknown;
  receivedCount: number;
  acceptedAt: string;
}

interface RecordRow {
  id: string;
  device_id: string;
  seq: number;
  service: string;
  payload: string;
  received_count: number;
  accepted_at: string;
}

/**
 * Durable dedupe store for batches. An id is accepted once per kind, for ever;
 * every later delivery of it (valid or not) is a `duplicate` and bumps
 * `receivedCount`. A whole batch commits in one SQLite transaction, so a crash
 * or restart mid-batch leaves either all of it or none of it.
 */
export class RecordsStore {
  private readonly insert: Database.Statement;
  private readonly bumpCount: Database.Statement;
  private readonly reject: Database.Statement;
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly rejectedStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO records (kind, id, device_id, seq, service, payload, received_count, accepted_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
    );
    this.bumpCount = db.prepare('UPDATE records SET received_count = received_count + 1 WHERE kind = ? AND id = ?');
    this.reject = db.prepare('INSERT OR REPLACE INTO rejections (kind, id, device_id, reason, at) VALUES (?, ?, ?, ?, ?)');
    this.listStmt = db.prepare('SELECT * FROM records WHERE kind = ? ORDER BY accepted_at, device_id, seq');
    this.getStmt = db.prepare('SELECT * FROM records WHERE kind = ? AND id = ?');
    this.rejectedStmt = db.prepare('SELECT reason FROM rejections WHERE kind = ? AND id = ?');
  }

  /**
   * Records one batch atomically and returns one result per item, same order.
   * An item whose id was already accepted is a duplicate even when this copy
   * would not validate. Throws only on database failure (nothing is then committed).
   */
  recordBatch(kind: RecordKind, deviceId: string, items: EvaluatedItem[], now: string): ItemResult[] {
    const run = this.db.transaction((): ItemResult[] =>
      items.map((item) => {
        if (item.id !== null && this.bumpCount.run(kind, item.id).changes === 1) return { id: item.id, status: 'duplicate' };
        if (!item.ok) {
          if (item.id !== null) this.reject.run(kind, item.id, deviceId, item.reason, now);
          return { id: item.id, status: 'rejected', reason: item.reason };
        }
        this.insert.run(kind, item.id, deviceId, item.seq, item.service, JSON.stringify(item.payload), now);
        return { id: item.id, status: 'accepted' };
      }),
    );
    return run.immediate();
  }

  /** All accepted records of a kind, oldest first. */
  list(kind: RecordKind): StoredRecord[] {
    return (this.listStmt.all(kind) as RecordRow[]).map(toRecord);
  }

  /** One accepted record, or undefined. */
  get(kind: RecordKind, id: string): StoredRecord | undefined {
    const row = this.getStmt.get(kind, id) as RecordRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The reason the id was last rejected, or undefined when it never was. */
  rejectionReason(kind: RecordKind, id: string): string | undefined {
    return (this.rejectedStmt.get(kind, id) as { reason: string } | undefined)?.reason;
  }
}

function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    deviceId: row.device_id,
    seq: row.seq,
    service: row.service,
    payload: JSON.parse(row.payload) as unknown,
    receivedCount: row.received_count,
    acceptedAt: row.accepted_at,
  };
}
