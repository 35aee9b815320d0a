import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { loadBoot } from './boot';
import { kioskMachine, type KioskActor } from './kiosk-machine';
import { screenOf } from './screen-of';
import { registerCameraStream, openCameraStreamCount } from '../media/camera-registry';

const FAST = { welcomeMs: 20, resultMs: 20, printDoneMs: 20, thanksMs: 20, paymentPollMs: 10 };
const SLOW = { welcomeMs: 60_000, resultMs: 60_000, printDoneMs: 60_000, thanksMs: 60_000, paymentPollMs: 10 };

let actor: KioskActor | null = null;

afterEach(() => {
  actor?.stop();
  actor = null;
  vi.useRealTimers();
});

async function start(api = new TestKioskApi({ printStepMs: 5 }), timing = SLOW): Promise<{ api: TestKioskApi; a: KioskActor }> {
  const a = createActor(kioskMachine, { input: { api, timing } });
  actor = a;
  a.start();
  await waitFor(a, (s) => s.matches('attract'), { timeout: 1000 });
  return { api, a };
}

const screen = (a: KioskActor) => screenOf(a.getSnapshot());
const until = (a: KioskActor, name: string) => waitFor(a, (s) => screenOf(s) === name, { timeout: 2000 });

/** Drives a fresh actor to the confirm screen with a valid form. */
async function toConfirm(api?: TestKioskApi, code = 'GG00101001', timing = SLOW) {
  const ctx = await start(api, timing);
  ctx.api.placeCard();
  await until(ctx.a, 'welcome');
  ctx.a.send({ type: 'CONTINUE' });
  ctx.a.send({ type: 'SELECT_SERVICE', code });
  await waitFor(ctx.a, (s) => s.matches({ session: { guide: 'ready' } }));
  ctx.a.send({ type: 'START_APPLICATION' });
  ctx.a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '13800138000' });
  ctx.a.send({ type: 'FIELD_CHANGED', id: 'delivery', value: '窗口领取' });
  ctx.a.send({ type: 'MATERIAL_TOGGLED', id: 'photo', provided: true });
  ctx.a.send({ type: 'PRECHECK' });
  await until(ctx.a, 'confirm');
  return ctx;
}

describe('kiosk flow machine', () => {
  it('boots to attract with system info, devices and connectivity', async () => {
    const { a, api } = await start();
    const ctx = a.getSnapshot().context;
    expect(ctx.system?.idleTimeoutSeconds).toBe(60);
    expect(Object.keys(ctx.devices)).toEqual(['idcard', 'receipt-1', 'a4-1']);
    expect(ctx.connectivity).toBe('online');
    expect(api.calls).toContain('system.rendererReady');
  });

  it('uses start-up answers the page entry already fetched instead of asking again', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const boot = loadBoot(api);
    await boot;
    const asked = api.calls.length;
    expect(api.calls.slice(0, asked)).toEqual(expect.arrayContaining(['system.info', 'devices.list', 'connectivity.status', 'session.current']));
    const a = createActor(kioskMachine, { input: { api, timing: SLOW, boot } });
    actor = a;
    a.start();
    await waitFor(a, (s) => s.matches('attract'), { timeout: 1000 });
    expect(api.calls.slice(asked).filter((c) => c !== 'system.rendererReady')).toEqual([]);
    expect(a.getSnapshot().context.system?.idleTimeoutSeconds).toBe(60);
    expect(a.getSnapshot().context.bootPreloaded).toBeNull();
  });

  it.each([
    ['never answers', () => new Promise<never>(() => {})],
    ['fails', () => Promise.reject(new Error('main gone'))],
  ])('shows attract when rendererReady %s (fire-and-forget after the four boot calls)', async (_, rendererReady) => {
    const api = new TestKioskApi();
    let sent = false;
    Object.assign(api.system, {
      rendererReady: () => {
        sent = true;
        return rendererReady();
      },
    });
    const { a } = await start(api);
    expect(a.getSnapshot().matches('attract')).toBe(true);
    expect(sent).toBe(true);
  });

  it('ends a leftover identified session at boot', async () => {
    const api = new TestKioskApi();
    api.placeCard();
    const { a } = await start(api);
    expect(api.calls).toContain('session.end');
    expect(a.getSnapshot().context.identity).toBeNull();
  });

  it('card placed on attract: reading then identified goes to welcome with the masked name, then home', async () => {
    const { a, api } = await start(undefined, FAST);
    api.placeCard('张三', '110101199003070015');
    await until(a, 'welcome');
    expect(a.getSnapshot().context.identity?.maskedName).toBe('张*');
    expect(a.getSnapshot().context.identity?.maskedIdNumber).toBe('1101**********0015');
    await until(a, 'home');
    await waitFor(a, (s) => s.context.overview !== null);
  });

  it('touch goes to identify; card reading moves to the reading sub-state', async () => {
    const { a, api } = await start();
    a.send({ type: 'START' });
    expect(screen(a)).toBe('identify');
    api.failCardRead('card-removed');
    expect(a.getSnapshot().context.identifyError).toBe('card-removed');
    expect(a.getSnapshot().matches({ session: { identify: 'choose' } })).toBe(true);
    a.send({ type: 'SESSION_CHANGED', session: { sessionId: null, stage: 'reading', identity: null } });
    expect(a.getSnapshot().matches({ session: { identify: 'reading' } })).toBe(true);
    a.send({ type: 'SESSION_CHANGED', session: { sessionId: null, stage: 'idle', identity: null } });
    expect(a.getSnapshot().matches({ session: { identify: 'choose' } })).toBe(true);
    api.placeCard();
    expect(screen(a)).toBe('welcome');
    expect(a.getSnapshot().context.identifyError).toBeNull();
  });

  it('QR e-ID: rejected payload stays on identify with an error; valid payload identifies', async () => {
    const { a } = await start();
    a.send({ type: 'START' });
    a.send({ type: 'QR_SUBMIT', payload: '   ' });
    expect(a.getSnapshot().matches({ session: { identify: 'choose' } })).toBe(true);
    a.send({ type: 'QR_SUBMIT', payload: 'garbage' });
    await waitFor(a, (s) => s.context.identifyError === 'qr-rejected');
    expect(screen(a)).toBe('identify');
    a.send({ type: 'QR_SUBMIT', payload: 'EID:abc' });
    await until(a, 'welcome');
    expect(a.getSnapshot().context.identity?.method).toBe('qr');
  });

  it('walks the whole online flow: guide, form, pre-check, confirm, submit, result, print, rating, thanks, end', async () => {
    const { a, api } = await toConfirm();
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    expect(a.getSnapshot().context.result?.status).toBe('delivered');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(a.getSnapshot().context.printJob?.progress).toBe(1);
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('rating');
    a.send({ type: 'SUBMIT_RATING', level: 'very-satisfied', reason: '' });
    await until(a, 'thanks');
    expect(api.ratings).toHaveLength(1);
    a.send({ type: 'DONE' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(api.calls.at(-1)).toBe('session.end');
    const ctx = a.getSnapshot().context;
    expect([ctx.identity, ctx.result, ctx.service, ctx.printJob, ctx.revealed]).toEqual([null, null, null, null, null]);
    expect(ctx.form).toEqual({});
  });

  it('automatic steps advance on their timers (welcome, result, print done, thanks)', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await start(api, FAST);
    api.placeCard();
    await until(a, 'home');
    a.send({ type: 'SELECT_SERVICE', code: 'GG00101001' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    a.send({ type: 'START_APPLICATION' });
    a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '13800138000' });
    a.send({ type: 'FIELD_CHANGED', id: 'delivery', value: '邮寄到家' });
    a.send({ type: 'MATERIAL_TOGGLED', id: 'photo', provided: true });
    a.send({ type: 'PRECHECK' });
    await until(a, 'confirm');
    a.send({ type: 'SUBMIT' });
    await until(a, 'rating');
    a.send({ type: 'SKIP_RATING' });
    await waitFor(a, (s) => s.matches('attract'), { timeout: 2000 });
  });

  it('pre-check lists every problem at once, BACK returns to the form', async () => {
    const { a, api } = await start();
    api.placeCard();
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SELECT_SERVICE', code: 'GG00101001' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    a.send({ type: 'START_APPLICATION' });
    expect(a.getSnapshot().context.materials).toEqual({ idcard: true, photo: false, proof: false });
    a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '123' });
    a.send({ type: 'PRECHECK' });
    expect(screen(a)).toBe('form');
    await until(a, 'precheck');
    expect(a.getSnapshot().context.problems).toEqual([
      { target: 'field', id: 'phone', problem: 'invalid' },
      { target: 'field', id: 'delivery', problem: 'missing' },
      { target: 'material', id: 'photo', problem: 'missing' },
    ]);
    a.send({ type: 'BACK' });
    expect(screen(a)).toBe('form');
    expect(a.getSnapshot().context.form.phone).toBe('123');
    a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '13800138000' });
    a.send({ type: 'MATERIAL_TOGGLED', id: 'photo', provided: true });
    expect(a.getSnapshot().context.problems).toEqual([{ target: 'field', id: 'delivery', problem: 'missing' }]);
  });

  it('reveal toggle fetches the unmasked identity and forgets it when hidden or when leaving confirm', async () => {
    const { a } = await toConfirm();
    a.send({ type: 'REVEAL_TOGGLE' });
    await waitFor(a, (s) => s.context.revealed !== null);
    expect(a.getSnapshot().context.revealed?.name).toBe('张三');
    a.send({ type: 'REVEAL_TOGGLE' });
    expect(a.getSnapshot().context.revealed).toBeNull();
    a.send({ type: 'REVEAL_TOGGLE' });
    await waitFor(a, (s) => s.context.revealed !== null);
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().context.revealed).toBeNull();
  });

  it('offline: non-queueable services cannot start, queueable ones submit as queued', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await start(api);
    api.placeCard();
    api.setConnectivity('offline');
    expect(a.getSnapshot().context.connectivity).toBe('offline');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SELECT_SERVICE', code: 'QR00201001' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    a.send({ type: 'START_APPLICATION' });
    expect(screen(a)).toBe('guide');
    a.send({ type: 'BACK' });
    expect(screen(a)).toBe('home');
    actor?.stop();
    const ctx = await toConfirm(api);
    api.setConnectivity('offline');
    ctx.a.send({ type: 'SUBMIT' });
    await until(ctx.a, 'result');
    expect(ctx.a.getSnapshot().context.result?.status).toBe('queued');
  });

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

  it('certificate item: after the receipt, the A4 certificate is offered and printed with progress, then rating', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(a.getSnapshot().context.printJob?.kind).toBe('receipt');
    a.send({ type: 'CONTINUE' });
    expect(a.getSnapshot().matches({ session: { certificate: 'offer' } })).toBe(true);
    expect(screen(a)).toBe('certificate');
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'done' } }));
    expect(a.getSnapshot().context.certificateJob?.kind).toBe('certificate');
    expect(a.getSnapshot().context.printJob?.state).toBe('done');
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('rating');
  });

  it('certificate: skipping the receipt still offers it; skip goes to rating; other items skip it', async () => {
    const api = new TestKioskApi();
    const { a } = await toConfirm(api, 'GG00601001');
    api.printer.printReceipt = () => Promise.reject(Object.assign(new Error('x'), { code: 'paper-out' }));
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    a.send({ type: 'SKIP_PRINT' });
    expect(screen(a)).toBe('certificate');
    a.send({ type: 'SKIP_CERTIFICATE' });
    expect(screen(a)).toBe('rating');
    expect(api.calls).not.toContain('printer.printCertificate');
  });

  it.each([
    ['platform-unreachable', 'online', 'not-accepted'],
    ['platform-unreachable', 'offline', 'network-offline'],
    ['device-offline', 'online', 'printer-offline'],
    ['invalid-payload', 'online', 'not-certificate'],
  ] as const)('certificate start rejected with %s (%s) is explained as %s; retry is offered', async (code, conn, failure) => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    api.setConnectivity(conn);
    api.printer.printCertificate = () => Promise.reject(Object.assign(new Error('x'), { code }));
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    expect(a.getSnapshot().context.certificateFailure).toBe(failure);
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    a.send({ type: 'SKIP_CERTIFICATE' });
    expect(screen(a)).toBe('rating');
  });

  it('certificate job fails (paper out on the A4 printer); retry prints it; receipt jobs are not mixed in', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'GG00601001');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    api.setDevice('a4-1', { paper: 'out' });
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'failed' } }));
    expect(a.getSnapshot().context.certificateFailure).toBe('paper-out');
    a.send({ type: 'PRINT_JOB_CHANGED', job: { jobId: 'job-x', kind: 'receipt', transactionId: a.getSnapshot().context.result?.id ?? null, state: 'done', reason: null, progress: 1 } });
    expect(a.getSnapshot().context.certificateJob?.kind).toBe('certificate');
    api.setDevice('a4-1', { paper: 'ok' });
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'done' } }));
  });

  it('submit error returns to confirm with the error code', async () => {
    const api = new TestKioskApi();
    const { a } = await toConfirm(api);
    api.transactions.submit = () => Promise.reject(Object.assign(new Error('x'), { code: 'storage-full' }));
    a.send({ type: 'SUBMIT' });
    await waitFor(a, (s) => s.context.error === 'storage-full');
    expect(screen(a)).toBe('confirm');
  });

  it('guide load failure offers retry', async () => {
    const { a, api } = await start();
    api.placeCard();
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SELECT_SERVICE', code: 'NOPE' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'failed' } }));
    expect(a.getSnapshot().context.error).toBe('not-found');
    a.send({ type: 'RETRY' });
    expect(a.getSnapshot().matches({ session: { guide: 'loading' } })).toBe(true);
  });

  it('print failure (paper out) offers reprint and skip; reprint succeeds', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api);
    api.failNextPrint('paper-out');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    expect(a.getSnapshot().context.printJob?.reason).toBe('paper-out');
    a.send({ type: 'REPRINT' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(api.calls).toContain('printer.reprint');
  });

  it('print start rejection becomes a failed job; skip goes to rating', async () => {
    const api = new TestKioskApi();
    const { a } = await toConfirm(api);
    api.printer.printReceipt = () => Promise.reject(Object.assign(new Error('x'), { code: 'device-offline' }));
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'failed' } }));
    expect(a.getSnapshot().context.printJob?.reason).toBe('offline');
    a.send({ type: 'SKIP_PRINT' });
    expect(screen(a)).toBe('rating');
  });

  it('rating: the two lowest levels need a reason; rating errors stay on the screen', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api);
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    a.send({ type: 'SUBMIT_RATING', level: 'very-dissatisfied', reason: '  ' });
    expect(a.getSnapshot().matches({ session: { rating: 'choosing' } })).toBe(true);
    api.rating.submit = () => Promise.reject(Object.assign(new Error('x'), { code: 'internal' }));
    a.send({ type: 'SUBMIT_RATING', level: 'dissatisfied', reason: '排队太久' });
    await waitFor(a, (s) => s.context.error === 'internal');
    expect(screen(a)).toBe('rating');
  });

  it('cancel from any session screen ends the session with reason cancelled', async () => {
    const { a, api } = await toConfirm();
    const end = vi.spyOn(api.session, 'end');
    a.send({ type: 'CANCEL' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(end).toHaveBeenCalledWith({ reason: 'cancelled' });
  });

  it('idle expiry ends with reason idle, wipes state and stops the camera', async () => {
    const { a, api } = await toConfirm();
    const stop = vi.fn();
    registerCameraStream({ getTracks: () => [{ stop }] });
    const end = vi.spyOn(api.session, 'end');
    a.send({ type: 'IDLE_EXPIRED' });
    await waitFor(a, (s) => s.matches('attract'));
    expect(end).toHaveBeenCalledWith({ reason: 'idle' });
    expect(stop).toHaveBeenCalled();
    expect(openCameraStreamCount()).toBe(0);
    expect(a.getSnapshot().context.identity).toBeNull();
  });

  it('idle and cancel are ignored on the attract screen', async () => {
    const { a, api } = await start();
    a.send({ type: 'IDLE_EXPIRED' });
    a.send({ type: 'CANCEL' });
    expect(a.getSnapshot().matches('attract')).toBe(true);
    expect(api.calls).not.toContain('session.end');
  });

  it('session ended by the core (stage idle) returns to attract', async () => {
    const { a, api } = await toConfirm();
    await api.session.end({ reason: 'cancelled' });
    expect(a.getSnapshot().matches('attract')).toBe(true);
  });

  it('device and connectivity events update the context on any screen', async () => {
    const { a, api } = await start();
    api.setDevice('idcard', { state: 'offline' });
    api.setDevice('receipt-1', { paper: 'out' });
    api.setConnectivity('degraded');
    const ctx = a.getSnapshot().context;
    expect(ctx.devices.idcard?.state).toBe('offline');
    expect(ctx.devices['receipt-1']?.paper).toBe('out');
    expect(ctx.connectivity).toBe('degraded');
  });

  it('a catalogue update reloads the overview on home', async () => {
    const { a, api } = await start();
    api.placeCard();
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.context.overview !== null);
    const before = api.calls.filter((c) => c === 'catalogue.overview').length;
    api.updateCatalogue();
    await waitFor(a, () => api.calls.filter((c) => c === 'catalogue.overview').length === before + 1);
    expect(screen(a)).toBe('home');
  });

  it('unsubscribes every KioskApi listener when stopped', async () => {
    const { a, api } = await start();
    expect(api.listenerCount()).toBe(6);
    a.stop();
    expect(api.listenerCount()).toBe(0);
  });
});
