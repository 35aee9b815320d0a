import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContractConnection } from '../../common/contract/connections';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { listMethods } from '../../common/contract/define';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';
import { MAX_HELD_EVENTS, setupIpc } from './ipc';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

let events: EventHub<KioskContract>;
let impl: TestKioskImplementation;
let dispose: () => void;
let dispatcher: ContractDispatcher<KioskContract>;
let connections: ContractConnection[];
const trusted = () => ({ sender: fake.rendererContents, senderFrame: fake.rendererContents.mainFrame });
const invoke = (channel: string, payload: unknown, event = trusted()) => fake.handlers.get(channel)!(event, payload);
const status = (pending: number) => ({ state: 'online' as const, pending, lastContactAt: null });

beforeEach(() => {
  resetFakeElectron();
  events = new EventHub<KioskContract>();
  impl = new TestKioskImplementation();
  dispatcher = new ContractDispatcher(kioskContract, impl);
  connections = [];
  dispose = setupIpc({ contents: fake.rendererContents as never, dispatcher, events, onConnection: (c) => connections.push(c) });
});

describe('setupIpc', () => {
  it('registers exactly one handler per contract method and removes them on dispose', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(listMethods(kioskContract).map((m) => m.channel).sort());
    dispose();
    expect(fake.handlers.size).toBe(0);
  });

  it('rejects an invalid payload with invalid-payload', async () => {
    expect(await invoke('session:identifyByQr', { payload: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(impl.calls).toHaveLength(0);
  });

  it('rejects a foreign sender with forbidden', async () => {
    const foreign = { sender: fake.rendererContents, senderFrame: { url: 'https://evil.example/' } as never };
    expect(await invoke('system:info', {}, foreign)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('holds events until rendererReady, then delivers them in order; invalid events are dropped', async () => {
    events.emit('connectivity', 'onChanged', status(1));
    events.emit('connectivity', 'onChanged', { ...status(2), state: 'sideways' } as never);
    events.emit('connectivity', 'onChanged', status(3));
    expect(fake.rendererContents.sent).toEqual([]);
    await invoke('system:rendererReady', {});
    events.emit('connectivity', 'onChanged', status(4));
    expect(fake.rendererContents.sent.map((s) => (s.payload as { pending: number }).pending)).toEqual([1, 3, 4]);
    expect(fake.rendererContents.sent[0]!.channel).toBe('connectivity:onChanged');
  });

  it('holds events again after the page navigates (reload) and keeps only the newest', async () => {
    await invoke('system:rendererReady', {});
    fake.rendererContents.emit('did-navigate');
    for (let i = 0; i < MAX_HELD_EVENTS + 5; i++) events.emit('connectivity', 'onChanged', status(i));
    expect(fake.rendererContents.sent).toEqual([]);
    await invoke('system:rendererReady', {});
    expect(fake.rendererContents.sent).toHaveLength(MAX_HELD_EVENTS);
    expect((fake.rendererContents.sent[0]!.payload as { pending: number }).pending).toBe(5);
  });

  it('does not send to destroyed contents', async () => {
    await invoke('system:rendererReady', {});
    fake.rendererContents.destroyed = true;
    events.emit('connectivity', 'onChanged', status(1));
    expect(fake.rendererContents.sent).toEqual([]);
  });

  it('a navigation closes the connection, opens a citizen one, and drops held technician events of the old page', async () => {
    const technicianStatus = { version: 'v', deviceId: 'd', devices: [], connectivity: 'online' as const, queue: { pending: 0, inFlight: 0, accepted: 0, rejected: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 }, keyProtection: 'dpapi' as const, at: 'now' };
    dispatcher.connections.grant(connections[0]!.id, 'technician');
    events.emit('technician', 'onStatusChanged', technicianStatus);
    events.emit('connectivity', 'onChanged', status(1));
    fake.rendererContents.emit('did-navigate');
    expect(connections).toHaveLength(2);
    expect(connections[0]!.isOpen()).toBe(false);
    expect(connections[1]!.roles()).toEqual(['citizen']);
    await invoke('system:rendererReady', {});
    expect(fake.rendererContents.sent.map((s) => s.channel)).toEqual(['connectivity:onChanged']);
    expect(await invoke('technician:status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('closes its connection on dispose', () => {
    dispose();
    expect(connections[0]!.isOpen()).toBe(false);
    expect(dispatcher.connections.list()).toEqual([]);
  });
});
