import type Database from 'better-sqlite3';
import type { FieldCipher } from '../crypto/field-cipher';
import {
  OutboxRowSchema,
  RatingBodySchema,
  TelemetryBodySchema,
  TransactionBodySchema,
  type ClaimedItem,
  type ItemResult,
  type NeedsAttentionItem,
  type OutboxKind,
} from './outbox-rows';

/** Reason recorded when a local row cannot be decrypted or validated. */
export const UNREADABLE_REASON = 'unreadable-local-row';

/** Counts reported by `kioskctl queue status --json` (key order is the contract). */
export interface QueueStatus {
  pending: number;
  inFlight: number;
  accepted: number;
  rejected: number;
  needsAttention: number;
  /** Age in whole seconds of the oldest pending or in-flight item; 0 when nothing waits. */
  oldestPendingAgeSeconds: number;
}

/**
 * The outbox: the only module that writes the `outbox` table and its `seq`
 * counter. The store appends to it (inside its own write transactions); the
 * sync engine claims, completes and releases items. Every method runs on the
 * store's writer (or reader for counts) and is wrapped by the store so
 * disk-full and corruption surface as StorageError.
 */
export class OutboxQueue {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Appends one pending item with the next per-device seq, its body sealed
   * with AES-256-GCM (bound to `id`), and returns the seq. Runs inside the
   * caller's write transaction, so a record and its outbox row commit
   * together; not guarded itself (the caller's transaction is).
   */
  append(kind: OutboxKind, id: string, body: unknown, createdAt: string): number {
    const row = this.writer.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value`).get() as { value: number };
    this.writer.prepare(`INSERT INTO outbox (id, seq, kind, status, payload, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`).run(id, row.value, kind, this.cipher.seal(id, body), createdAt);
    return row.value;
  }

  /**
   * Takes up to `limit` undelivered items of `kind` in seq order and marks
   * them in-flight. In-flight items left by a crashed process are taken
   * again (delivery is at-least-once; the platform dedupes by id). A row that
   * cannot be decrypted or validated is set aside and marked rejected with
   * reason `unreadable-local-row`, so it reaches the needs-attention list and
   * never blocks the items behind it.
   */
  claim(kind: OutboxKind, limit: number): ClaimedItem[] {
    return this.guard(() =>
      this.writer
        .transaction(() => {
          const rows = this.writer
            .prepare(`SELECT id, seq, kind, status, payload, created_at, attempts FROM outbox WHERE status IN ('pending', 'in-flight') AND kind = ? ORDER BY seq LIMIT ?`)
            .all(kind, limit) as unknown[];
          const at = this.now().toISOString();
          const mark = this.writer.prepare(`UPDATE outbox SET status = 'in-flight', attempts = attempts + 1, last_attempt_at = ? WHERE id = ?`);
          const items: ClaimedItem[] = [];
          for (const raw of rows) {
            const item = this.decode(raw);
            if (item) {
              mark.run(at, item.id);
              items.push(item);
            } else {
              this.setAside(raw, at);
            }
          }
          return items;
        })
        .immediate(),
    );
  }

  private decode(raw: unknown): ClaimedItem | null {
    const row = OutboxRowSchema.safeParse(raw);
    if (!row.success || row.data.payload === null) return null;
    const { id, seq, kind } = row.data;
    let body: unknown;
    try {
      body = this.cipher.open(id, row.data.payload);
    } catch {
      return null;
    }
    if (kind === 'transaction') {
      const b = TransactionBodySchema.safeParse(body);
      return b.success ? { kind, id, seq, body: b.data } : null;
    }
    if (kind === 'rating') {
      const b = RatingBodySchema.safeParse(body);
      return b.success ? { kind, id, seq, body: b.data } : null;
    }
    const b = TelemetryBodySchema.safeParse(body);
    return b.success ? { kind, id, seq, body: b.data } : null;
  }

  private setAside(raw: unknown, at: string): void {
    const r = raw as { id?: unknown; payload?: unknown };
    const id = typeof r.id === 'string' ? r.id : String(r.id);
    this.writer
      .prepare('INSERT INTO set_aside (source, row_key, reason, body, at) VALUES (?, ?, ?, ?, ?)')
      .run('outbox', id, UNREADABLE_REASON, Buffer.isBuffer(r.payload) ? r.payload : null, at);
    this.writer.prepare(`UPDATE outbox SET status = 'rejected', reject_reason = ?, acked_at = ? WHERE id = ?`).run(UNREADABLE_REASON, at, id);
  }

  /**
   * Applies the platform's per-item verdicts in one transaction: accepted and
   * duplicate become `accepted` and their sealed payload (the personal data)
   * is deleted; rejected keeps the payload for the technician and records the
   * reason. Unknown ids are ignored. Returns the ids now accepted.
   */
  complete(results: readonly ItemResult[]): string[] {
    return this.guard(() =>
      this.writer
        .transaction(() => {
          const at = this.now().toISOString();
          const accept = this.writer.prepare(`UPDATE outbox SET status = 'accepted', payload = NULL, acked_at = ? WHERE id = ? AND status != 'accepted'`);
          const reject = this.writer.prepare(`UPDATE outbox SET status = 'rejected', reject_reason = ?, acked_at = ? WHERE id = ? AND status IN ('pending', 'in-flight')`);
          const delivered: string[] = [];
          for (const r of results) {
            if (r.status === 'rejected') {
              reject.run(r.reason ?? 'rejected', at, r.id);
            } else if (accept.run(at, r.id).changes > 0) {
              delivered.push(r.id);
            }
          }
          return delivered;
        })
        .immediate(),
    );
  }

  /** Returns in-flight items to pending after a transient failure (they are retried; nothing is dropped). */
  release(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.guard(() =>
      this.writer
        .transaction(() => {
          const stmt = this.writer.prepare(`UPDATE outbox SET status = 'pending' WHERE id = ? AND status = 'in-flight'`);
          for (const id of ids) stmt.run(id);
        })
        .immediate(),
    );
  }

  /** Queue counts for kioskctl, the technician screen and the heartbeat. */
  status(): QueueStatus {
    const counts = this.reader.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as Array<{ status: string; n: number }>;
    const by = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
    const attention = this.reader.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'rejected' AND resolved_at IS NULL`).get() as { n: number };
    const oldest = this.reader.prepare(`SELECT min(created_at) AS t FROM outbox WHERE status IN ('pending', 'in-flight')`).get() as { t: string | null };
    const age = oldest.t === null ? 0 : Math.max(0, Math.floor((this.now().getTime() - Date.parse(oldest.t)) / 1000));
    return {
      pending: by('pending'),
      inFlight: by('in-flight'),
      accepted: by('accepted'),
      rejected: by('rejected'),
      needsAttention: attention.n,
      oldestPendingAgeSeconds: Number.isFinite(age) ? age : 0,
    };
  }

  /** Number of items not yet delivered (pending + in-flight). */
  undelivered(): number {
    const r = this.reader.prepare(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'in-flight')`).get() as { n: number };
    return r.n;
  }

  /** Rejected items not yet resolved by a technician, oldest first. */
  needsAttention(limit = 100): NeedsAttentionItem[] {
    const rows = this.reader
      .prepare(`SELECT id, seq, kind, reject_reason AS reason, created_at AS createdAt FROM outbox WHERE status = 'rejected' AND resolved_at IS NULL ORDER BY seq LIMIT ?`)
      .all(limit) as NeedsAttentionItem[];
    return rows.map((r) => ({ ...r, reason: r.reason ?? 'rejected' }));
  }

  /**
   * A technician has dealt with a rejected item: it leaves the needs-attention
   * list and its sealed personal data is deleted. Returns false when `id` is not
   * a rejected item.
   */
  resolve(id: string): boolean {
    return this.guard(() => {
      const r = this.writer
        .prepare(`UPDATE outbox SET resolved_at = ?, payload = NULL WHERE id = ? AND status = 'rejected' AND resolved_at IS NULL`)
        .run(this.now().toISOString(), id);
      return r.changes > 0;
    });
  }

  /**
   * A technician sends a rejected item again (after the platform fixed what
   * it refused): it becomes pending, keeps its id (the platform dedupes by
   * id) and seq, and leaves the needs-attention list. Returns `retried`, or
   * why not: `not-found` (no rejected, unresolved item with that id) or
   * `unreadable` (its sealed payload cannot be opened with this key, so
   * sending it again could only fail again).
   */
  retry(id: string): 'retried' | 'not-found' | 'unreadable' {
    return this.guard(() =>
      this.writer
        .transaction((): 'retried' | 'not-found' | 'unreadable' => {
          const raw = this.writer
            .prepare(`SELECT id, seq, kind, status, payload, created_at, attempts FROM outbox WHERE id = ? AND status = 'rejected' AND resolved_at IS NULL`)
            .get(id) as unknown;
          if (raw === undefined) return 'not-found';
          if (this.decode(raw) === null) return 'unreadable';
          this.writer.prepare(`UPDATE outbox SET status = 'pending', reject_reason = NULL, acked_at = NULL WHERE id = ?`).run(id);
          return 'retried';
        })
        .immediate(),
    );
  }

  /**
   * The decrypted items waiting for a technician (rejected, unresolved), in
   * seq order, for a sealed hand-over; `body` is null for a row that cannot
   * be opened with this key. Personal data: the caller must seal it before
   * it leaves the process.
   */
  openNeedsAttention(limit = 10_000): Array<NeedsAttentionItem & { body: ClaimedItem['body'] | null }> {
    const rows = this.reader
      .prepare(`SELECT id, seq, kind, status, payload, created_at, attempts, reject_reason FROM outbox WHERE status = 'rejected' AND resolved_at IS NULL ORDER BY seq LIMIT ?`)
      .all(limit) as Array<{ id: string; seq: number; kind: NeedsAttentionItem['kind']; created_at: string; reject_reason: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      reason: r.reject_reason ?? 'rejected',
      createdAt: r.created_at,
      body: this.decode({ ...r, status: 'pending' })?.body ?? null,
    }));
  }
}
