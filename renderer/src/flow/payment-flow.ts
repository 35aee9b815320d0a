import { assign, fromCallback, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { PaymentOrder, PaymentStatus } from '../../../common/contract/schemas';
import { feeProgress } from './dues';
import { flowAssign, stateConfig, unlessCare } from './flow-config';
import type { FlowContext, FlowEvent } from './flow-types';

/** Actors of the payment sub-flow. */
export const paymentActors = {
  createPayment: fromPromise<PaymentOrder, { api: KioskApi; transactionId: string }>(({ input }) =>
    input.api.payment.create({ transactionId: input.transactionId }),
  ),
  cancelPayment: fromPromise<PaymentStatus, { api: KioskApi; paymentId: string }>(({ input }) => input.api.payment.cancel({ paymentId: input.paymentId })),
  /** Polls `payment.status` every `intervalMs`; a failed poll is ignored (the next one retries, the order's expiry still ends the wait). */
  pollPayment: fromCallback<FlowEvent, { api: KioskApi; paymentId: string; intervalMs: number }>(({ sendBack, input }) => {
    let stopped = false;
    const timer = setInterval(() => {
      input.api.payment.status({ paymentId: input.paymentId }).then(
        (s) => {
          if (!stopped) sendBack({ type: 'PAYMENT_STATUS', status: s.status });
        },
        () => undefined,
      );
    }, input.intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }),
};

/** A delivered fee item of the submission is not paid (or left for later) yet. */
export const feeDue = ({ context }: { context: FlowContext }): boolean => feeProgress(context).current !== null;

/** Another fee is due after the current one. */
const anotherFeeDue = ({ context }: { context: FlowContext }): boolean => feeProgress(context).remaining > 0;

/** Best effort: a session that ends while an order is pending withdraws it, so nobody pays for a QR left behind. */
function withdrawPayment({ context }: { context: FlowContext }): void {
  const paymentId = context.payment?.paymentId;
  if (paymentId) context.api.payment.cancel({ paymentId }).catch(() => undefined);
}

/** The current fee is paid or left for later: the next one (if any) is current now. */
const settleFee = flowAssign({ settledFees: ({ context }) => [...context.settledFees, feeProgress(context).current?.transactionId ?? ''] });

/** Out of a settled fee: the next fee's order, or the receipt when none is left. */
const nextFee = [
  { guard: anotherFeeDue, target: '#kiosk.session.payment.creating', actions: settleFee },
  { target: '#kiosk.session.printing', actions: settleFee },
];

/**
 * Unified public payment (统一公共支付) of a submitted fee item: create the
 * order, show its QR, poll its status until paid, expired or cancelled. The
 * application is already saved, so every way out keeps it: pay later by the
 * receipt number (PAY_LATER) goes on. A bundle's delivered fee items are paid
 * one after the other (`feeDues`): paid or left for later, the next one's
 * order follows, then the receipt.
 */
export const paymentStates = {
  payment: stateConfig({
    initial: 'creating',
    on: { PAY_LATER: nextFee },
    states: {
      creating: {
        entry: ['clearError', assign({ payment: null })],
        invoke: {
          src: 'createPayment',
          input: ({ context }) => ({ api: context.api, transactionId: feeProgress(context).current?.transactionId ?? '' }),
          onDone: { target: 'waiting', actions: assign({ payment: ({ event }) => event.output }) },
          onError: { target: 'unavailable', actions: 'showError' },
        },
      },
      waiting: {
        invoke: {
          src: 'pollPayment',
          input: ({ context }) => ({ api: context.api, paymentId: context.payment?.paymentId ?? '', intervalMs: context.timing.paymentPollMs }),
        },
        after: { paymentExpiry: 'expired' },
        on: {
          CANCEL: { target: '#kiosk.ending', actions: [withdrawPayment, { type: 'endAs', params: { reason: 'cancelled' } }] },
          FINISH: { target: '#kiosk.ending', actions: [withdrawPayment, { type: 'endAs', params: { reason: 'done' } }] },
          IDLE_EXPIRED: { target: '#kiosk.ending', actions: [withdrawPayment, { type: 'endAs', params: { reason: 'idle' } }] },
          PAYMENT_STATUS: [
            { guard: ({ event }) => event.status === 'paid', target: 'paid' },
            { guard: ({ event }) => event.status === 'expired', target: 'expired' },
            { guard: ({ event }) => event.status === 'cancelled', target: 'cancelled' },
          ],
          CANCEL_PAYMENT: 'cancelling',
        },
      },
      cancelling: {
        invoke: {
          src: 'cancelPayment',
          input: ({ context }) => ({ api: context.api, paymentId: context.payment?.paymentId ?? '' }),
          onDone: [{ guard: ({ event }) => event.output.status === 'paid', target: 'paid' }, { target: 'cancelled' }],
          onError: { target: 'waiting', actions: 'showError' },
        },
      },
      paid: {
        after: { result: unlessCare(nextFee) },
        on: { CONTINUE: nextFee },
      },
      expired: { on: { RETRY: 'creating' } },
      cancelled: { on: { RETRY: 'creating' } },
      unavailable: { on: { RETRY: 'creating' } },
    },
  }),
};
