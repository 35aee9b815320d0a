import { afterEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { SLOW, start, stopFlow, track } from '../testing/flow-driver';
import { loadBoot } from './boot';
import { kioskMachine } from './kiosk-machine';

afterEach(stopFlow);

describe('kiosk flow machine: boot, machine-wide events', () => {
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
    track(a);
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
  it('unsubscribes every KioskApi listener when stopped', async () => {
    const { a, api } = await start();
    expect(api.listenerCount()).toBe(7);
    a.stop();
    expect(api.listenerCount()).toBe(0);
  });
});
