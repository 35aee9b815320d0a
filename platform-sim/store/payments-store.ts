import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** Payment states as the protocol reports them. */
export type PaymentStatus = 'pending' | 'paid' | 'expired' | 'cancelled';

/** A payment order. Times are ISO 8601 UTC. */
export interface Payment {
  id: string;
  transactionId: string;
  amountFen: number;
  status: PaymentStatus;
  createdAt: string;
  expiresAt: string;
}

interface PaymentRow {
  id: string;
  transaction_id: string;
  amount_fen: number;
  status: PaymentStatus;
  created_at: string;
  expires_at: string;
}

/**
 * Payment orders. A pending order turns `expired` when read after its expiry;
 * `paid` and `cancelled` are final. Creating an order for a transaction that
 * already has a live pending order of the same amount returns that order, so a
 * kiosk retrying after a lost response does not open a second one.
 */
export class PaymentsStore {
  constructor(
    private readonly db: Database.Database,
    /** Time to pay, in milliseconds (default 5 minutes). */
    private readonly ttlMs = 5 * 60_000,
  ) {}

  /** Creates (or returns the live) order; `now` in epoch ms. */
  create(transactionId: string, amountFen: number, now: number): Payment {
    const live = this.db
      .prepare("SELECT * FROM payments WHERE transaction_id = ? AND amount_fen = ? AND status = 'pending' ORDER BY created_at DESC LIMIT 1")
      .get(transactionId, amountFen) as PaymentRow | undefined;
    if (live && Date.parse(live.expires_at) > now) return toPayment(live);
    const payment: Payment = {
      id: randomUUID(),
      transactionId,
      amountFen,
      status: 'pending',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
    };
    this.db
      .prepare('INSERT INTO payments (id, transaction_id, amount_fen, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(payment.id, transactionId, amountFen, payment.status, payment.createdAt, payment.expiresAt);
    return payment;
  }

  /** The order with its status brought up to date, or undefined when unknown. */
  get(id: string, now: number): Payment | undefined {
    const row = this.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;
    if (!row) return undefined;
    if (row.status === 'pending' && Date.parse(row.expires_at) <= now) {
      this.setStatus(id, 'expired');
      row.status = 'expired';
    }
    return toPayment(row);
  }

  /** Moves a pending order to `to`; other states are left as they are. Returns the resulting order. */
  transition(id: string, to: 'paid' | 'cancelled', now: number): Payment | undefined {
    const p = this.get(id, now);
    if (!p || p.status !== 'pending') return p;
    this.setStatus(id, to);
    return { ...p, status: to };
  }

  /** True when some order names this transaction id. */
  hasTransaction(transactionId: string): boolean {
    return this.db.prepare('SELECT 1 FROM payments WHERE transaction_id = ? LIMIT 1').get(transactionId) !== undefined;
  }

  private setStatus(id: string, status: PaymentStatus): void {
    this.db.prepare('UPDATE payments SET status = ? WHERE id = ?').run(status, id);
  }
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    transactionId: row.transaction_id,
    amountFen: row.amount_fen,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
