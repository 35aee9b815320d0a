import type { FastifyInstance } from 'fastify';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { PaymentRequestSchema } from '../protocol/request-schemas';

function paymentId(params: unknown): string {
  const id = (params as { id?: string }).id ?? '';
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new HttpError(404, 'not-found', 'unknown payment');
  return id;
}

/**
 * Unified payment: create an order, poll its status, cancel it. Orders expire
 * after the configured time (default 5 minutes).
 */
export function registerPaymentRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/payments', async (request) => {
    const body = parseBody(PaymentRequestSchema, request.body);
    const p = ctx.payments.create(body.transactionId, body.amountFen, ctx.clock.nowMs());
    return {
      serverTime: request.platformTime,
      paymentId: p.id,
      qrPayload: `GOVPAY:${p.id}:${p.amountFen}`,
      expiresAt: p.expiresAt,
    };
  });

  app.get('/api/v1/payments/:id', async (request) => {
    const p = ctx.payments.get(paymentId(request.params), ctx.clock.nowMs());
    if (!p) throw new HttpError(404, 'not-found', 'unknown payment');
    return { serverTime: request.platformTime, status: p.status };
  });

  app.post('/api/v1/payments/:id/cancel', async (request) => {
    const p = ctx.payments.transition(paymentId(request.params), 'cancelled', ctx.clock.nowMs());
    if (!p) throw new HttpError(404, 'not-found', 'unknown payment');
    return { serverTime: request.platformTime, status: p.status };
  });
}
