import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { screen, SLOW, stopFlow, toConfirm, until } from '../testing/flow-driver';
import type { KioskActor } from './kiosk-machine';

afterEach(stopFlow);

describe('kiosk flow machine: payment', () => {
  const inPayment = (a: KioskActor, state: string) => waitFor(a, (s) => s.matches({ session: { payment: state } } as never), { timeout: 2000 });

  it('fee due: submit first, then a payment order with its QR; polling sees it paid and goes on to printing', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001');
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    const { payment, result } = a.getSnapshot().context;
    expect(api.calls.indexOf('transactions.submit')).toBeLessThan(api.calls.indexOf('payment.create'));
    expect(payment?.transactionId).toBe(result?.id);
    expect(payment?.amountFen).toBe(2000);
    expect(payment?.qrPayload.length).toBeGreaterThan(0);
    await waitFor(a, () => api.calls.filter((c) => c === 'payment.status').length >= 2);
    expect(a.getSnapshot().matches({ session: { payment: 'waiting' } })).toBe(true);
    api.markPaid(payment?.paymentId ?? '');
    await inPayment(a, 'paid');
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('printing');
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
  });

  it('payment paid continues to printing by itself after the result pause; polling stops', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001', { ...SLOW, resultMs: 20 });
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    api.markPaid(a.getSnapshot().context.payment?.paymentId ?? '');
    await until(a, 'printing');
    const polls = api.calls.filter((c) => c === 'payment.status').length;
    await new Promise((r) => setTimeout(r, 50));
    expect(api.calls.filter((c) => c === 'payment.status').length).toBe(polls);
  });

  it('payment time-out: the order expires at expiresAt; RETRY creates a new order', async () => {
    const api = new TestKioskApi({ printStepMs: 5, paymentTtlMs: 80 });
    const { a } = await toConfirm(api, 'ZS00401001', { ...SLOW, paymentPollMs: 60_000 });
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    const first = a.getSnapshot().context.payment?.paymentId;
    await inPayment(a, 'expired');
    a.send({ type: 'RETRY' });
    await inPayment(a, 'waiting');
    expect(a.getSnapshot().context.payment?.paymentId).not.toBe(first);
    expect(api.calls.filter((c) => c === 'payment.create')).toHaveLength(2);
  });

  it('payment expired by the platform: stop (PAY_LATER) goes on to printing with the receipt number kept', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001');
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    api.expirePayment(a.getSnapshot().context.payment?.paymentId ?? '');
    await inPayment(a, 'expired');
    a.send({ type: 'PAY_LATER' });
    expect(screen(a)).toBe('printing');
    expect(a.getSnapshot().context.result?.receiptNumber).toMatch(/^SZ/);
  });

  it('payment cancel: payment.cancel, then a choice of a new order or paying later', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const cancel = vi.spyOn(api.payment, 'cancel');
    const { a } = await toConfirm(api, 'ZS00401001');
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    const paymentId = a.getSnapshot().context.payment?.paymentId ?? '';
    a.send({ type: 'CANCEL_PAYMENT' });
    await inPayment(a, 'cancelled');
    expect(cancel).toHaveBeenCalledWith({ paymentId });
    a.send({ type: 'RETRY' });
    await inPayment(a, 'waiting');
    a.send({ type: 'CANCEL_PAYMENT' });
    await inPayment(a, 'cancelled');
    a.send({ type: 'PAY_LATER' });
    expect(screen(a)).toBe('printing');
  });

  it('payment cancel failing keeps the QR up with the error; an order paid meanwhile counts as paid', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001', { ...SLOW, paymentPollMs: 60_000 });
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    const original = api.payment.cancel;
    api.payment.cancel = () => Promise.reject(Object.assign(new Error('x'), { code: 'platform-unreachable' }));
    a.send({ type: 'CANCEL_PAYMENT' });
    await waitFor(a, (s) => s.context.error === 'platform-unreachable');
    expect(a.getSnapshot().matches({ session: { payment: 'waiting' } })).toBe(true);
    api.payment.cancel = ({ paymentId }) => Promise.resolve({ paymentId, status: 'paid' as const });
    a.send({ type: 'CANCEL_PAYMENT' });
    await inPayment(a, 'paid');
    api.payment.cancel = original;
  });

  it('payment platform unreachable: explained, application kept; RETRY or pay later, never a dead end', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001');
    const original = api.payment.create;
    api.payment.create = () => Promise.reject(Object.assign(new Error('x'), { code: 'platform-unreachable' }));
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'unavailable');
    expect(a.getSnapshot().context.error).toBe('platform-unreachable');
    expect(a.getSnapshot().context.result?.status).toBe('delivered');
    api.payment.create = original;
    a.send({ type: 'RETRY' });
    await inPayment(a, 'waiting');
    expect(a.getSnapshot().context.error).toBeNull();
    api.payment.create = () => Promise.reject(Object.assign(new Error('x'), { code: 'platform-unreachable' }));
    a.send({ type: 'CANCEL_PAYMENT' });
    await inPayment(a, 'cancelled');
    a.send({ type: 'RETRY' });
    await inPayment(a, 'unavailable');
    a.send({ type: 'PAY_LATER' });
    expect(screen(a)).toBe('printing');
  });

  it('ending the session while the QR is up withdraws the pending order', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const cancel = vi.spyOn(api.payment, 'cancel');
    const end = vi.spyOn(api.session, 'end');
    const { a } = await toConfirm(api, 'ZS00401001');
    a.send({ type: 'SUBMIT' });
    await inPayment(a, 'waiting');
    const paymentId = a.getSnapshot().context.payment?.paymentId ?? '';
    a.send({ type: 'CANCEL' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(cancel).toHaveBeenCalledWith({ paymentId });
    expect(end).toHaveBeenCalledWith({ reason: 'cancelled' });
    expect(a.getSnapshot().context.payment).toBeNull();
  });

  it('no fee: submit goes straight to the result, no payment order', async () => {
    const { a, api } = await toConfirm();
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    expect(api.calls).not.toContain('payment.create');
  });
});
