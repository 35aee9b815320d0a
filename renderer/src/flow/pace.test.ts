import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { FAST, screen, start, stopFlow, toConfirm, until } from '../testing/flow-driver';
import { DEFAULT_TIMING } from './flow-types';

afterEach(stopFlow);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kiosk flow machine: pace', () => {
  it('by default every screen that carries information stays at least 8 s', () => {
    expect(DEFAULT_TIMING.welcomeMs).toBeGreaterThanOrEqual(8000);
    expect(DEFAULT_TIMING.resultMs).toBeGreaterThanOrEqual(8000);
    expect(DEFAULT_TIMING.printDoneMs).toBeGreaterThanOrEqual(8000);
  });

  it('in care mode the result and print-done screens never move on by themselves; 继续 does', async () => {
    const { a } = await toConfirm(undefined, undefined, FAST);
    a.send({ type: 'CARE_CHANGED', care: true });
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    await pause(120);
    expect(screen(a)).toBe('result');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { printing: 'done' } }), { timeout: 2000 });
    await pause(120);
    expect(a.getSnapshot().matches({ session: { printing: 'done' } })).toBe(true);
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('rating');
  });

  it('in care mode "paid" waits for 继续', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api, 'ZS00401001', FAST);
    a.send({ type: 'CARE_CHANGED', care: true });
    a.send({ type: 'SUBMIT' });
    await waitFor(a, (s) => s.matches({ session: { payment: 'waiting' } }));
    api.markAllPaid();
    await waitFor(a, (s) => s.matches({ session: { payment: 'paid' } }));
    await pause(120);
    expect(a.getSnapshot().matches({ session: { payment: 'paid' } })).toBe(true);
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).not.toBe('payment');
  });

  it('in care mode the welcome waits for 继续; outside care mode it moves on', async () => {
    const { a, api } = await start(undefined, FAST);
    a.send({ type: 'CARE_CHANGED', care: true });
    api.placeCard();
    await until(a, 'welcome');
    await pause(120);
    expect(screen(a)).toBe('welcome');
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('home');
    stopFlow();
    const plain = await start(undefined, FAST);
    plain.api.placeCard();
    await until(plain.a, 'home');
  });
});
