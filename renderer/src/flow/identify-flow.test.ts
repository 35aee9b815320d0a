import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { FAST, screen, start, stopFlow, until } from '../testing/flow-driver';

afterEach(stopFlow);

describe('kiosk flow machine: identify', () => {
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

  it('reader unplugged mid-read: one state (choose), no card-read error next to the reader message, whichever event comes first', async () => {
    for (const order of ['failure-first', 'device-first'] as const) {
      const { a, api } = await start();
      a.send({ type: 'START' });
      a.send({ type: 'SESSION_CHANGED', session: { sessionId: null, stage: 'reading', identity: null } });
      expect(a.getSnapshot().matches({ session: { identify: 'reading' } })).toBe(true);
      if (order === 'failure-first') api.failCardRead('read-failed');
      api.setDevice('idcard', { state: 'noDevice', error: 'unplugged' });
      if (order === 'device-first') api.failCardRead('read-failed');
      const s = a.getSnapshot();
      expect(s.matches({ session: { identify: 'choose' } }), order).toBe(true);
      expect(s.context.identifyError, order).toBeNull();
      stopFlow();
    }
  });

  it('a refused QR e-ID stays on the screen when the reader goes away; a card failure with the reader online is shown', async () => {
    const { a, api } = await start();
    a.send({ type: 'START' });
    a.send({ type: 'QR_SUBMIT', payload: 'garbage' });
    await waitFor(a, (s) => s.context.identifyError === 'qr-rejected');
    api.setDevice('idcard', { state: 'offline' });
    expect(a.getSnapshot().context.identifyError).toBe('qr-rejected');
    api.setDevice('idcard', { state: 'online' });
    api.failCardRead('invalid-card');
    expect(a.getSnapshot().context.identifyError).toBe('invalid-card');
  });

  it('a failure reported on the attract screen (scanner QR refused, card unreadable) opens identify and explains it', async () => {
    for (const code of ['qr-rejected', 'invalid-card'] as const) {
      const { a } = await start();
      a.send({ type: 'IDENTIFY_FAILED', code });
      expect(screen(a), code).toBe('identify');
      expect(a.getSnapshot().context.identifyError, code).toBe(code);
      stopFlow();
    }
  });

  it('a card left on the reader keeps the attract screen (with the notice), and a touch starts the session with it', async () => {
    for (const kind of ['at-start', 'after-session'] as const) {
      const { a, api } = await start();
      api.leaveCard(kind, '李晓明', '110101198504121230');
      expect(screen(a), kind).toBe('attract');
      expect(a.getSnapshot().context.leftCard, kind).toBe(kind);
      a.send({ type: 'START' });
      await until(a, 'welcome');
      expect(api.calls, kind).toContain('session.begin');
      expect(a.getSnapshot().context.identity?.maskedName, kind).toBe('李**');
      expect(a.getSnapshot().context.leftCard, kind).toBeNull();
      stopFlow();
    }
  });

  it('a left card lifted clears the notice', async () => {
    const { a, api } = await start();
    api.leaveCard('after-session');
    api.liftCard();
    expect(a.getSnapshot().context.leftCard).toBeNull();
    expect(screen(a)).toBe('attract');
  });
});
