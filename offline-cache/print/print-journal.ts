import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { FieldCipher } from '../crypto/field-cipher';

/** Print job states: queued → printing → done | failed (a failed job may be printed again). */
export type PrintJobState = 'queued' | 'printing' | 'done' | 'failed';

/** One journal row. `document` is decrypted on read and null once the job is done (deleted then). */
export interface PrintJobRow {
  id: string;
  transactionId: string | null;
  state: PrintJobState;
  /** Failure reason code (e.g. `paper-out`) when failed; `unconfirmed` on a done job the printer could not confirm; else null. */
  reason: string | null;
  document: unknown;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  id: string;
  transaction_id: string | null;
  state: PrintJobState;
  reason: string | null;
  document: Buffer | null;
  created_at: string;
  updated_at: string;
}

const ALLOWED: Record<PrintJobState, readonly PrintJobState[]> = {
  queued: ['printing', 'failed'],
  printing: ['done', 'failed'],
  failed: ['printing'],
  done: [],
};

/**
 * Print-job journal. Every state change is committed before the printer is
 * told, so after a crash {@link unfinished} lists the jobs to offer for
 * reprint. The document (a receipt may show a name) is sealed with
 * AES-256-GCM and deleted when the job is done.
 */
export class PrintJournal {
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
    private readonly now: () => Date,
    private readonly cipher: FieldCipher,
  ) {}

  /** Journals a new job in state `queued`. */
  create(input: { transactionId: string | null; document: unknown }): PrintJobRow {
    const id = uuidv7();
    const at = this.now().toISOString();
    this.guard(() => {
      this.writer
        .prepare('INSERT INTO print_jobs (id, transaction_id, state, reason, document, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)')
        .run(id, input.transactionId, 'queued', this.cipher.seal(id, input.document ?? null), at, at);
    });
    return { id, transactionId: input.transactionId, state: 'queued', reason: null, document: input.document ?? null, createdAt: at, updatedAt: at };
  }

  /** queued|failed → printing. Throws on an unknown id or a disallowed transition. */
  markPrinting(id: string): PrintJobRow {
    return this.move(id, 'printing', null);
  }

  /**
   * printing → done; the sealed document is deleted. `unconfirmed` records
   * that the bytes went out and the printer reported no fault but cannot
   * confirm it finished (it does not answer `GS r 1`): still done, so it is
   * never printed again by itself.
   */
  markDone(id: string, note: 'unconfirmed' | null = null): PrintJobRow {
    return this.move(id, 'done', note);
  }

  /** queued|printing → failed with a reason code (e.g. `paper-out`). */
  markFailed(id: string, reason: string): PrintJobRow {
    return this.move(id, 'failed', reason);
  }

  /** One job, or null. */
  get(id: string): PrintJobRow | null {
    const row = this.reader.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as RawRow | undefined;
    return row ? this.decode(row) : null;
  }

  /** Jobs not done (queued, printing — interrupted by a crash — or failed), oldest first. */
  unfinished(): PrintJobRow[] {
    const rows = this.reader.prepare(`SELECT * FROM print_jobs WHERE state != 'done' ORDER BY created_at, id`).all() as RawRow[];
    return rows.map((r) => this.decode(r));
  }

  private move(id: string, to: PrintJobState, reason: string | null): PrintJobRow {
    this.guard(() =>
      this.writer
        .transaction(() => {
          const row = this.writer.prepare('SELECT state FROM print_jobs WHERE id = ?').get(id) as { state: PrintJobState } | undefined;
          if (!row) throw new Error(`print job ${id} not found`);
          if (!ALLOWED[row.state].includes(to)) throw new Error(`print job ${id}: cannot go from ${row.state} to ${to}`);
          const at = this.now().toISOString();
          if (to === 'done') {
            this.writer.prepare('UPDATE print_jobs SET state = ?, reason = ?, document = NULL, updated_at = ? WHERE id = ?').run(to, reason, at, id);
          } else {
            this.writer.prepare('UPDATE print_jobs SET state = ?, reason = ?, updated_at = ? WHERE id = ?').run(to, reason, at, id);
          }
        })
        .immediate(),
    );
    return this.get(id)!;
  }

  private decode(row: RawRow): PrintJobRow {
    let document: unknown = null;
    if (row.document) {
      try {
        document = this.cipher.open(row.id, row.document);
      } catch {
        document = null;
      }
    }
    return {
      id: row.id,
      transactionId: row.transaction_id,
      state: row.state,
      reason: row.reason,
      document,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
