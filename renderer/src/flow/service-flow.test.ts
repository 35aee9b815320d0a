import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVEAL_SHOWN_MS } from './service-flow';
import { waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { FAST, screen, start, stopFlow, toConfirm, until } from '../testing/flow-driver';

afterEach(stopFlow);

describe('kiosk flow machine: service (guide → form → pre-check → confirm → submit)', () => {
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

  it('what was revealed is masked again by itself after a short time', async () => {
    const { a } = await toConfirm();
    vi.useFakeTimers();
    try {
      a.send({ type: 'REVEAL_TOGGLE' });
      await vi.advanceTimersByTimeAsync(100);
      expect(a.getSnapshot().context.revealed?.name).toBe('张三');
      await vi.advanceTimersByTimeAsync(REVEAL_SHOWN_MS - 200);
      expect(a.getSnapshot().context.revealed).not.toBeNull();
      await vi.advanceTimersByTimeAsync(200);
      expect(a.getSnapshot().context.revealed).toBeNull();
      expect(a.getSnapshot().matches({ session: { confirm: 'idle' } })).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for the receipt in the language the person chose (its key labels repeated in it)', async () => {
    const { a, api } = await toConfirm();
    a.send({ type: 'LOCALE_CHANGED', locale: 'ug' });
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }));
    expect(api.receiptLocales).toEqual(['ug']);
  });

  it('a dialog opening over the review (CONCEAL) hides what was revealed, and drops a reveal still under way', async () => {
    const api = new TestKioskApi({ printStepMs: 5, latencyMs: 30 });
    const { a } = await toConfirm(api);
    a.send({ type: 'REVEAL_TOGGLE' });
    await waitFor(a, (s) => s.context.revealed !== null);
    a.send({ type: 'CONCEAL' });
    expect(a.getSnapshot().context.revealed).toBeNull();
    a.send({ type: 'REVEAL_TOGGLE' });
    expect(a.getSnapshot().matches({ session: { confirm: 'revealing' } })).toBe(true);
    a.send({ type: 'CONCEAL' });
    await new Promise((r) => setTimeout(r, 80));
    expect(a.getSnapshot().context.revealed).toBeNull();
    expect(a.getSnapshot().matches({ session: { confirm: 'idle' } })).toBe(true);
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
    stopFlow();
    const ctx = await toConfirm(api);
    api.setConnectivity('offline');
    ctx.a.send({ type: 'SUBMIT' });
    await until(ctx.a, 'result');
    expect(ctx.a.getSnapshot().context.result?.status).toBe('queued');
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
});
