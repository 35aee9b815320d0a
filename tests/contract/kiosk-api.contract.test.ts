import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KioskError } from '../../common/contract/errors';
import { setupIpc } from '../../main/electron/ipc';
import { startWebHost, type HarnessWebHost } from '../../main/web/web-host';
import { createWebSocketTransport } from '../../renderer/src/transport/websocket-transport';
import { fake, MockFrame, MockWebContents, resetFakeElectron } from './fake-electron';
import type { TestKioskImplementation } from './test-kiosk-implementation';
import { core, ipcHarness, webSocketHarness, wsWithOrigin, type Harness } from './transport-harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const nextTick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['WebSocket', () => webSocketHarness('convention')],
  ['WebSocket, validating client', () => webSocketHarness('validating')],
  ['IPC', ipcHarness],
] as const)('KioskApi over %s', (_name, makeHarness) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
    await h.api.system.rendererReady({});
  });
  afterAll(async () => h.close());

  it('round-trips a method with validated input and output', async () => {
    const view = await h.api.session.identifyByQr({ payload: '张三' });
    expect(view).toEqual({ sessionId: 'S-1', stage: 'identified', identity: { method: 'qr', maskedName: '*三', maskedIdNumber: null, cardType: null, expired: false } });
    expect(h.impl.calls.at(-1)).toEqual({ channel: 'session:identifyByQr', input: { payload: '张三' } });
  });

  it('applies schema defaults on the host side', async () => {
    await h.api.catalogue.search({ query: '身份证' });
    expect(h.impl.calls.at(-1)).toEqual({ channel: 'catalogue:search', input: { query: '身份证', limit: 20, offset: 0 } });
  });

  it('rejects a bad payload with invalid-payload before the implementation sees it', async () => {
    const before = h.impl.calls.length;
    const error = await h.api.session.identifyByQr({ payload: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'invalid-payload' });
    const extra = await (h.api.system.info as (i: unknown) => Promise<unknown>)({ sneaky: true }).catch((e: unknown) => e);
    expect(extra).toMatchObject({ code: 'invalid-payload' });
    expect(h.impl.calls.length).toBe(before);
  });

  it('propagates implementation errors as KioskError with code and detail', async () => {
    const error = await h.api.catalogue.get({ code: 'XK404' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'not-found', message: 'no service XK404', detail: { code: 'XK404' } });
  });

  it('turns unexpected errors into internal without leaking their message', async () => {
    const error = await h.api.rating.submit({ transactionId: null, serviceCode: 'X', level: 'satisfied' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: 'internal error' });
    expect(JSON.stringify(error)).not.toContain('110101');
  });

  it('delivers events and drops invalid event payloads', async () => {
    const received: unknown[] = [];
    const unsubscribe = h.api.connectivity.onChanged((c) => received.push(c));
    h.events.emit('connectivity', 'onChanged', { state: 'degraded', pending: -5, lastContactAt: null });
    h.events.emit('connectivity', 'onChanged', { state: 'degraded', pending: 2, lastContactAt: null });
    await nextTick();
    expect(received).toEqual([{ state: 'degraded', pending: 2, lastContactAt: null }]);
    unsubscribe();
    h.events.emit('connectivity', 'onChanged', { state: 'online', pending: 0, lastContactAt: null });
    await nextTick();
    expect(received).toHaveLength(1);
  });
});

describe('WebSocket: callers without the token or from another origin are refused', () => {
  let host: HarnessWebHost;
  const { impl, events, dispatcher } = core();
  beforeAll(async () => {
    host = await startWebHost({ dispatcher, events, staticDir: null, harness: true });
  });
  afterAll(async () => host.close());

  it.each([
    ['wrong token', () => 'A'.repeat(43), () => host.origin],
    ['wrong Origin', () => host.token, () => 'http://evil.example'],
  ])('%s: the call never reaches the implementation', async (_n, token, origin) => {
    const transport = createWebSocketTransport({ url: `${host.origin.replace('http', 'ws')}/kiosk-api`, token: token(), WebSocketImpl: wsWithOrigin(origin()), queueTimeoutMs: 300, reconnectInitialMs: 50 });
    await expect(transport.call('system:info', {})).rejects.toMatchObject({ code: 'timeout' });
    transport.close();
    expect(impl.calls).toHaveLength(0);
  });
});

describe('IPC: calls from a foreign sender are refused', () => {
  let dispose: () => void;
  let impl: TestKioskImplementation;
  beforeAll(() => {
    resetFakeElectron();
    const c = core();
    impl = c.impl;
    dispose = setupIpc({ contents: fake.rendererContents as never, dispatcher: c.dispatcher, events: c.events });
  });
  afterAll(() => dispose());

  const invoke = () => fake.handlers.get('system:info')!({ sender: fake.rendererContents, senderFrame: fake.rendererContents.mainFrame }, {});

  it.each([
    ['another webContents', () => ({ sender: new MockWebContents('kiosk://app/index.html'), senderFrame: null as MockFrame | null })],
    ['a page from another origin', () => ({ sender: fake.rendererContents, senderFrame: Object.assign(fake.rendererContents.mainFrame, { url: 'https://evil.example/' }) })],
    ['a sub-frame', () => ({ sender: fake.rendererContents, senderFrame: new MockFrame('kiosk://app/index.html', fake.rendererContents.mainFrame) })],
    ['another top-level frame of the same URL', () => ({ sender: fake.rendererContents, senderFrame: new MockFrame('kiosk://app/index.html') })],
    ['a destroyed frame', () => ({ sender: fake.rendererContents, senderFrame: null })],
  ])('%s gets forbidden and the implementation is not called', async (_n, makeEvent) => {
    const url = fake.rendererContents.mainFrame.url;
    const reply = await fake.handlers.get('system:info')!(makeEvent() as never, {});
    fake.rendererContents.mainFrame.url = url;
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(impl.calls).toHaveLength(0);
  });

  it('the app window itself is served', async () => {
    expect(await invoke()).toMatchObject({ ok: true });
  });
});
