import type { Result } from '../../../common/contract/errors';
import type { PaymentOrder } from '../../../common/contract/schemas';
import type { KioskHarness } from './kiosk-harness';

/**
 * The payment orders the core creates, as they are created (the page only
 * shows them as a QR code): wraps the harness core's dispatcher, so a test
 * can mark an order paid on platform-sim by its id. Call after `h.start()`.
 */
export function observePaymentOrders(h: KioskHarness): PaymentOrder[] {
  const orders: PaymentOrder[] = [];
  const dispatcher = h.core.dispatcher;
  const handle = dispatcher.handle.bind(dispatcher);
  dispatcher.handle = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
    const result = await handle(channel, payload);
    if (channel === 'payment:create' && result.ok) orders.push(result.value as PaymentOrder);
    return result;
  };
  return orders;
}
