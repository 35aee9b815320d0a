import { afterEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { KioskError } from '../../../common/contract/errors';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { kioskMachine, type KioskActor } from './kiosk-machine';
import { screenOf } from './screen-of';

const SLOW = { welcomeMs: 60_000, resultMs: 60_000, printDoneMs: 60_000, thanksMs: 60_000, paymentPollMs: 10 };

let actor: KioskActor | null = null;
afterEach(() => {
  actor?.stop();
  actor = null;
});

const until = (a: KioskActor, name: string) => waitFor(a, (s) => screenOf(s) === name, { timeout: 2000 });

/** A fresh actor on the home screen with a person identified and the overview loaded. */
async function home(api = new TestKioskApi({ printStepMs: 5 })): Promise<{ api: TestKioskApi; a: KioskActor }> {
  const a = createActor(kioskMachine, { input: { api, timing: SLOW } });
  actor = a;
  a.start();
  await waitFor(a, (s) => s.matches('attract'), { timeout: 1000 });
  api.placeCard();
  await until(a, 'welcome');
  a.send({ type: 'CONTINUE' });
  await waitFor(a, (s) => s.context.overview !== null, { timeout: 1000 });
  return { api, a };
}

async function toBundle(a: KioskActor, id: string) {
  a.send({ type: 'SELECT_BUNDLE', id });
  await waitFor(a, (s) => s.matches({ session: { bundle: 'ready' } }), { timeout: 1000 });
  return a.getSnapshot().context.bundle!;
}

function fill(a: KioskActor) {
  a.send({ type: 'FIELD_CHANGED', id: 'phone', value: '13800138000' });
  a.send({ type: 'FIELD_CHANGED', id: 'delivery', value: '窗口领取' });
  a.send({ type: 'MATERIAL_TOGGLED', id: 'photo', provided: true });
}

/** From the bundle screen: the ticked items' combined form filled, pre-checked, confirmed and submitted, up to the result. */
async function submitChosen(a: KioskActor) {
  a.send({ type: 'START_APPLICATION' });
  await until(a, 'form');
  fill(a);
  a.send({ type: 'PRECHECK' });
  await until(a, 'confirm');
  a.send({ type: 'SUBMIT' });
  await until(a, 'result');
}

describe('kiosk flow machine: life-event bundle path (一件事一次办)', () => {
  it('online: every item ticked, one combined form, one pre-check list, one confirm, one submit, every item in the result, one receipt, one rating per item', async () => {
    const { api, a } = await home();
    const bundle = await toBundle(a, 'newborn');
    expect(screenOf(a.getSnapshot())).toBe('bundle');
    expect(bundle.name).toBe('新生儿出生一件事');
    expect(bundle.items.map((i) => i.code)).toEqual(['QR00201001', 'GG00301001', 'GG00501001']);
    expect(bundle.chosen).toEqual(['QR00201001', 'GG00301001', 'GG00501001']);

    // Untick one: it stays out of the form, the pre-check and the submission.
    a.send({ type: 'BUNDLE_ITEM_TOGGLED', code: 'GG00501001', chosen: false });
    expect(a.getSnapshot().context.bundle?.chosen).toEqual(['QR00201001', 'GG00301001']);
    a.send({ type: 'START_APPLICATION' });
    await until(a, 'form');
    const ctx = a.getSnapshot().context;
    // The items share their fields: the combined form asks each once.
    expect(ctx.bundle?.combined?.form.map((f) => f.id)).toEqual(['name', 'idNumber', 'phone', 'delivery']);
    expect(ctx.materials).toEqual({ idcard: true, photo: false, proof: false });

    a.send({ type: 'PRECHECK' });
    await until(a, 'precheck');
    expect(a.getSnapshot().context.problems).toEqual([
      { target: 'field', id: 'phone', problem: 'missing', itemCode: null },
      { target: 'field', id: 'delivery', problem: 'missing', itemCode: null },
      { target: 'material', id: 'photo', problem: 'missing', itemCode: null },
    ]);
    expect(api.calls).toContain('transactions.precheckBundle');
    expect(api.calls).not.toContain('transactions.precheck');
    a.send({ type: 'BACK' });
    await until(a, 'form');
    fill(a);
    a.send({ type: 'PRECHECK' });
    await until(a, 'confirm');
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');

    const done = a.getSnapshot().context;
    expect(api.bundleSubmissions).toHaveLength(1);
    expect(done.bundle?.result?.items.map((i) => [i.serviceCode, i.status])).toEqual([
      ['QR00201001', 'delivered'],
      ['GG00301001', 'delivered'],
    ]);
    // The shared steps use the first item: its receipt lists every item.
    expect(done.result).toMatchObject({ id: done.bundle!.result!.items[0]!.id, status: 'delivered' });

    a.send({ type: 'CONTINUE' });
    await until(a, 'printing');
    await waitFor(a, (s) => s.context.printJob?.state === 'done', { timeout: 2000 });
    expect(a.getSnapshot().context.printJob?.transactionId).toBe(done.bundle!.result!.items[0]!.id);
    expect(api.calls.filter((c) => c === 'printer.printReceipt')).toHaveLength(1);
    a.send({ type: 'CONTINUE' });
    await until(a, 'rating');
    a.send({ type: 'SUBMIT_RATING', level: 'satisfied', reason: '' });
    await until(a, 'thanks');
    expect(api.ratings).toEqual(
      done.bundle!.result!.items.map((i) => expect.objectContaining({ transactionId: i.id, serviceCode: i.serviceCode, level: 'satisfied' })),
    );
    a.send({ type: 'DONE' });
    await waitFor(a, (s) => s.matches('attract'), { timeout: 1000 });
    expect(a.getSnapshot().context.bundle).toBeNull();
  });

  it('offline: an item that needs the network is unticked and cannot be added back; the rest are queued', async () => {
    const { api, a } = await home();
    api.setConnectivity('offline');
    const bundle = await toBundle(a, 'newborn');
    expect(bundle.chosen).toEqual(['GG00301001', 'GG00501001']);
    a.send({ type: 'BUNDLE_ITEM_TOGGLED', code: 'QR00201001', chosen: true });
    a.send({ type: 'START_APPLICATION' });
    expect(a.getSnapshot().matches({ session: { bundle: 'ready' } })).toBe(true);
    a.send({ type: 'BUNDLE_ITEM_TOGGLED', code: 'QR00201001', chosen: false });
    await submitChosen(a);
    const ctx = a.getSnapshot().context;
    expect(ctx.bundle?.result?.items.map((i) => [i.serviceCode, i.status])).toEqual([
      ['GG00301001', 'queued'],
      ['GG00501001', 'queued'],
    ]);
    expect(ctx.result?.status).toBe('queued');
  });

  it('nothing ticked cannot start; BACK from the form returns to the bundle; HOME then a single service leaves the bundle path', async () => {
    const { a } = await home();
    await toBundle(a, 'retirement');
    for (const code of ['GG00101001', 'GG00102001']) a.send({ type: 'BUNDLE_ITEM_TOGGLED', code, chosen: false });
    a.send({ type: 'START_APPLICATION' });
    expect(screenOf(a.getSnapshot())).toBe('bundle');
    a.send({ type: 'BUNDLE_ITEM_TOGGLED', code: 'GG00102001', chosen: true });
    a.send({ type: 'START_APPLICATION' });
    await until(a, 'form');
    a.send({ type: 'BACK' });
    await waitFor(a, (s) => s.matches({ session: { bundle: 'ready' } }), { timeout: 1000 });
    expect(a.getSnapshot().context.bundle?.chosen).toEqual(['GG00102001']);
    a.send({ type: 'HOME' });
    await until(a, 'home');
    a.send({ type: 'SELECT_SERVICE', code: 'GG00101001' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }), { timeout: 1000 });
    expect(a.getSnapshot().context.bundle).toBeNull();
  });

  it('a failed bundle submit returns to confirm with the error code; a failed item load offers retry', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await home(api);
    await toBundle(a, 'retirement');
    a.send({ type: 'START_APPLICATION' });
    await until(a, 'form');
    fill(a);
    a.send({ type: 'PRECHECK' });
    await until(a, 'confirm');
    const submitBundle = api.transactions.submitBundle;
    api.transactions.submitBundle = () => Promise.reject(new KioskError('storage-full', 'full'));
    a.send({ type: 'SUBMIT' });
    await waitFor(a, (s) => s.matches({ session: 'confirm' }) && s.context.error === 'storage-full', { timeout: 1000 });
    api.transactions.submitBundle = submitBundle;

    a.send({ type: 'HOME' });
    await until(a, 'home');
    const get = api.catalogue.get;
    api.catalogue.get = () => Promise.reject(new KioskError('internal', 'boom'));
    a.send({ type: 'SELECT_BUNDLE', id: 'newborn' });
    await waitFor(a, (s) => s.matches({ session: { bundle: 'failed' } }), { timeout: 1000 });
    api.catalogue.get = get;
    a.send({ type: 'RETRY' });
    await waitFor(a, (s) => s.matches({ session: { bundle: 'ready' } }), { timeout: 1000 });
  });

  it('fees and certificates inside a bundle: each delivered fee item is paid in turn (one may be left for later), then each certificate offered', async () => {
    const { api, a } = await home();
    const bundle = await toBundle(a, 'resident');
    // Fee items can be ticked now: their fees are paid after submit.
    expect(bundle.chosen).toEqual(['ZS00401001', 'GG00501001', 'GG00601001', 'ZS00701001']);
    await submitChosen(a);
    const items = a.getSnapshot().context.bundle!.result!.items;
    const idOf = (code: string) => items.find((i) => i.serviceCode === code)!.id;

    // Result → the first fee item's order.
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'waiting' } }), { timeout: 1000 });
    expect(a.getSnapshot().context.payment).toMatchObject({ transactionId: idOf('ZS00401001'), amountFen: 2000 });
    api.markAllPaid();
    await waitFor(a, (s) => s.matches({ session: { payment: 'paid' } }), { timeout: 1000 });
    // Paid: on to the second fee item's order, not to printing.
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'waiting' } }), { timeout: 1000 });
    expect(a.getSnapshot().context.payment).toMatchObject({ transactionId: idOf('ZS00701001'), amountFen: 38000 });
    // The person cancels the order and leaves this fee for later: the last one, so printing follows.
    a.send({ type: 'CANCEL_PAYMENT' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'cancelled' } }), { timeout: 1000 });
    a.send({ type: 'PAY_LATER' });
    await until(a, 'printing');
    expect(a.getSnapshot().context.settledFees).toEqual([idOf('ZS00401001'), idOf('ZS00701001')]);
    await waitFor(a, (s) => s.context.printJob?.state === 'done', { timeout: 2000 });

    // The certificate item is offered on A4 with its own transaction.
    a.send({ type: 'CONTINUE' });
    await until(a, 'certificate');
    a.send({ type: 'PRINT_CERTIFICATE' });
    await waitFor(a, (s) => s.matches({ session: { certificate: 'done' } }), { timeout: 2000 });
    expect(a.getSnapshot().context.certificateJob?.transactionId).toBe(idOf('GG00601001'));
    a.send({ type: 'CONTINUE' });
    await until(a, 'rating');
  });

  it('a bundle with two fee items: leaving the first for later goes on to the second', async () => {
    const { a } = await home();
    await toBundle(a, 'resident');
    a.send({ type: 'BUNDLE_ITEM_TOGGLED', code: 'GG00601001', chosen: false });
    await submitChosen(a);
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'waiting' } }), { timeout: 1000 });
    const first = a.getSnapshot().context.payment!.transactionId;
    a.send({ type: 'CANCEL_PAYMENT' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'cancelled' } }), { timeout: 1000 });
    a.send({ type: 'PAY_LATER' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'waiting' } }) && s.context.payment?.transactionId !== first, { timeout: 1000 });
    expect(a.getSnapshot().context.payment?.amountFen).toBe(38000);
    // No certificate item was chosen: after the receipt comes the rating.
    a.send({ type: 'PAY_LATER' });
    await until(a, 'printing');
    await waitFor(a, (s) => s.context.printJob?.state === 'done', { timeout: 2000 });
    a.send({ type: 'CONTINUE' });
    await until(a, 'rating');
  });

  it('offline: fee and certificate items that need the platform cannot be ticked; the queued free item goes from the result straight to printing', async () => {
    const { api, a } = await home();
    api.setConnectivity('offline');
    const bundle = await toBundle(a, 'resident');
    // Only the queueable free item can be ticked offline.
    expect(bundle.chosen).toEqual(['GG00501001']);
    await submitChosen(a);
    a.send({ type: 'CONTINUE' });
    await until(a, 'printing');
    expect(api.calls).not.toContain('payment.create');
  });
});
