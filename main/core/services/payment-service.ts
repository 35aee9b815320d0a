import { z } from 'zod';
import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { KioskError } from '../../../common/contract/errors';
import { platformJson, type PlatformResult } from '../platform/platform-request';
import type { SessionManager } from '../session/session-manager';
import type { TransactionsService } from './transactions-service';

const OrderReplySchema = z.object({ paymentId: z.string().min(1).max(64), qrPayload: z.string().min(1).max(1024), expiresAt: z.string() });
const StatusReplySchema = z.object({ status: z.enum(['pending', 'paid', 'expired', 'cancelled']) });

function failure(r: Exclude<PlatformResult<unknown>, { ok: true }>, what: string): KioskError {
  if (r.reason === 'unreachable') return new KioskError('platform-unreachable', `${what}: platform unreachable`);
  if (r.reason === 'rejected' && r.status === 404) return new KioskError('not-found', `${what}: unknown payment`);
  return new KioskError('internal', `${what}: platform answered ${r.reason}${r.status ? ` (HTTP ${r.status})` : ''}`);
}

/** Options of {@link PaymentService}. */
export interface PaymentServiceOptions {
  platform: { baseUrl: string; deviceId: string };
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

  constructor(private readonly options: PaymentServiceOptions) {
    options.session.onWipe(() => {
      for (const paymentId of this.orders.keys()) void this.cancelOnPlatform(paymentId);
      this.orders.clear();
    });
  }

  private cancelOnPlatform(paymentId: string) {
    return platformJson(this.options.platform, 'POST', `/api/v1/payments/${encodeURIComponent(paymentId)}/cancel`, StatusReplySchema, {});
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
        const r = await platformJson(this.options.platform, 'POST', '/api/v1/payments', OrderReplySchema, { transactionId, amountFen: tx.service.feeFen });
        if (!r.ok) throw failure(r, 'payment order');
        this.orders.set(r.value.paymentId, transactionId);
        return { paymentId: r.value.paymentId, transactionId, amountFen: tx.service.feeFen, qrPayload: r.value.qrPayload, expiresAt: r.value.expiresAt };
      },
      status: async ({ paymentId }) => {
        this.known(paymentId);
        const r = await platformJson(this.options.platform, 'GET', `/api/v1/payments/${encodeURIComponent(paymentId)}`, StatusReplySchema);
        if (!r.ok) throw failure(r, 'payment status');
        return { paymentId, status: r.value.status };
      },
      cancel: async ({ paymentId }) => {
        this.known(paymentId);
        const r = await this.cancelOnPlatform(paymentId);
        if (!r.ok) throw failure(r, 'payment cancel');
        return { paymentId, status: r.value.status };
      },
    };
  }
}
