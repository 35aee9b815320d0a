import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { KioskError } from '../../../common/contract/errors';
import type { PlatformClient } from '../../../uplink/index';
import type { SessionManager } from '../session/session-manager';
import { platformFailure } from './platform-failure';
import type { TransactionsService } from './transactions-service';

/** A fee as printed on the receipt: paid in this session, or still due. */
export type ReceiptFee = { state: 'paid'; amountFen: number; paidAt: string } | { state: 'due'; amountFen: number };

/** Runs a payment call, turning the platform client's typed errors into what the renderer can explain. */
async function orFailure<T>(call: Promise<{ body: T }>, what: string): Promise<T> {
  try {
    return (await call).body;
  } catch (e) {
    const r = platformFailure(e);
    if (r.reason === 'unreachable') throw new KioskError('platform-unreachable', `${what}: platform unreachable`);
    if (r.reason === 'rejected' && r.status === 404) throw new KioskError('not-found', `${what}: unknown payment`);
    throw new KioskError('internal', `${what}: platform answered ${r.reason}${r.status ? ` (HTTP ${r.status})` : ''}`);
  }
}

/** Options of {@link PaymentService}. */
export interface PaymentServiceOptions {
  platform: PlatformClient;
  transactions: TransactionsService;
  session: SessionManager;
}

/**
 * Fees through the platform's unified payment (统一公共支付): an order per
 * transaction of this session, a QR payload to show, status polled by the
 * renderer, cancel on request and — best effort — when the session ends.
 * Only orders created in the current session can be queried or cancelled.
 */
export class PaymentService {
  private readonly orders = new Map<string, string>();
  /** Fees seen paid in this session, by transaction id (amount and when the kiosk saw it paid). */
  private readonly paid = new Map<string, { amountFen: number; paidAt: string }>();

  constructor(private readonly options: PaymentServiceOptions) {
    options.session.onWipe(() => {
      // Best effort: a failed cancel leaves the order to expire on the platform.
      for (const paymentId of this.orders.keys()) this.options.platform.cancelPayment(paymentId).catch(() => undefined);
      this.orders.clear();
      this.paid.clear();
    });
  }

  /**
   * The fee of a transaction of this session as the receipt states it: paid
   * (amount, when the kiosk saw it paid), or due (not paid here, or left for
   * later); null for a service without a fee. Forgotten when the session ends.
   */
  feeOf(transactionId: string, feeFen: number): ReceiptFee | null {
    if (feeFen <= 0) return null;
    const paid = this.paid.get(transactionId);
    return paid ? { state: 'paid', ...paid } : { state: 'due', amountFen: feeFen };
  }

  /** Remembers a fee the platform reports paid (first sighting), for the receipt. */
  private note(paymentId: string, status: string): void {
    const transactionId = this.orders.get(paymentId);
    if (status !== 'paid' || !transactionId || this.paid.has(transactionId)) return;
    const tx = this.options.transactions.sessionTransaction(transactionId);
    if (tx) this.paid.set(transactionId, { amountFen: tx.service.feeFen, paidAt: new Date().toISOString() });
  }

  private known(paymentId: string): void {
    if (!this.orders.has(paymentId)) throw new KioskError('not-found', 'no such payment in this session');
  }

  /** The contract methods of the `payment` service. */
  methods(): MethodsOf<KioskContract['payment']> {
    return {
      create: async ({ transactionId }) => {
        const tx = this.options.transactions.sessionTransaction(transactionId);
        if (!tx) throw new KioskError('not-found', 'no such transaction in this session');
        if (tx.service.feeFen <= 0) throw new KioskError('invalid-payload', 'this service has no fee');
        const order = await orFailure(this.options.platform.createPayment({ transactionId, amountFen: tx.service.feeFen }), 'payment order');
        this.orders.set(order.paymentId, transactionId);
        return { paymentId: order.paymentId, transactionId, amountFen: tx.service.feeFen, qrPayload: order.qrPayload, expiresAt: order.expiresAt };
      },
      status: async ({ paymentId }) => {
        this.known(paymentId);
        const { status } = await orFailure(this.options.platform.paymentStatus(paymentId), 'payment status');
        this.note(paymentId, status);
        return { paymentId, status };
      },
      cancel: async ({ paymentId }) => {
        this.known(paymentId);
        const { status } = await orFailure(this.options.platform.cancelPayment(paymentId), 'payment cancel');
        this.note(paymentId, status);
        return { paymentId, status };
      },
    };
  }
}
