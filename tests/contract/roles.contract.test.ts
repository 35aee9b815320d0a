import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createConventionClient } from '../../common/contract/convention-client';
import { listMethods } from '../../common/contract/define';
import { kioskContract, type KioskApi, type KioskContract } from '../../common/contract/kiosk-contract';
import type { TechnicianStatus } from '../../common/contract/schemas';
import { fake } from './fake-electron';
import { core, ipcHarness, webSocketHarness, webSocketTransportTo, type Harness } from './transport-harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/**
 * Roles over both transports: the host binds the role to the connection (the
 * IPC sender's document, the WebSocket), never to anything the client sends.
 */

const STATUS: TechnicianStatus = { version: '0.0.0-test', deviceId: 'TEST-0001', devices: [], connectivity: 'online', queue: { pending: 2, inFlight: 0, accepted: 5, rejected: 0, needsAttention: 0, oldestPendingAgeSeconds: 30 }, keyProtection: 'key-file', at: '2026-01-01T00:00:00.000Z' };
const nextTick = (ms = 40) => new Promise((r) => setTimeout(r, ms));
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

/** Channel names that look like the technician's but are not it. */
const LOOK_ALIKES = ['technician:status ', 'Technician:status', 'technician:Status', 'technician:status\u0000', 'citizen:technician:status', 'technician:status?role=technician', 'technician%3Astatus', 'technician::status', 'system:info/../technician:status', '__proto__', 'constructor'];

/** What a forged attempt got back: ok, or the error code (`no-handler` when the channel does not exist at all). */
type Outcome = { label: string; ok: boolean; code: string | null };

/**
 * WebSocket: a raw client (its own socket, so its own citizen connection)
 * sends calls carrying every claim a client could make in its messages.
 */
async function forgeOverWebSocket(h: Harness, claimId: string): Promise<Outcome[]> {
  const host = h.host!;
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/kiosk-api`, ['kiosk.v1', `kiosk-token.${host.token}`], { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const call = { type: 'call', channel: 'technician:status', payload: {} };
  const attempts: Array<[string, string]> = [
    ['role field', JSON.stringify({ ...call, id: 1, role: 'technician' })],
    ['roles field', JSON.stringify({ ...call, id: 2, roles: ['citizen', 'technician'] })],
    ['granted connection id', JSON.stringify({ ...call, id: 3, connectionId: claimId, connection: { id: claimId, roles: ['technician'] } })],
    ['role in the payload', JSON.stringify({ ...call, id: 4, payload: { role: 'technician', connectionId: claimId } })],
    ['__proto__ key', `{"type":"call","id":5,"channel":"technician:status","payload":{},"__proto__":{"role":"technician"}}`],
    ['technician channel inside a citizen payload', JSON.stringify({ type: 'call', id: 6, channel: 'system:info', payload: { channel: 'technician:status', role: 'technician' } })],
    ...LOOK_ALIKES.map((channel, n): [string, string] => [`channel ${JSON.stringify(channel)}`, JSON.stringify({ ...call, id: 100 + n, channel, role: 'technician' })]),
  ];
  const answers = new Map<number, { ok: boolean; error?: { code: string } }>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; id: number; ok: boolean; error?: { code: string } };
    if (m.type === 'result') answers.set(m.id, m);
  });
  for (const [, text] of attempts) ws.send(text);
  const deadline = Date.now() + 5000;
  while (answers.size < attempts.length && Date.now() < deadline) await nextTick(10);
  ws.close();
  return attempts.map(([label, text]) => {
    const a = answers.get((JSON.parse(text) as { id: number }).id);
    return { label, ok: a?.ok ?? false, code: a ? (a.error?.code ?? null) : 'no-answer' };
  });
}

/**
 * IPC: the app window itself (a trusted sender) invokes with forged
 * arguments, extra arguments, a role in the frame URL, and look-alike
 * channels (which have no handler at all: only contract channels exist).
 */
async function forgeOverIpc(_h: Harness, claimId: string): Promise<Outcome[]> {
  const trusted = () => ({ sender: fake.rendererContents, senderFrame: fake.rendererContents.mainFrame });
  const invoke = async (label: string, channel: string, event: ReturnType<typeof trusted>, ...args: unknown[]): Promise<Outcome> => {
    const handler = fake.handlers.get(channel);
    if (!handler) return { label, ok: false, code: 'no-handler' };
    const r = (await handler(event, ...args)) as { ok: boolean; error?: { code: string } };
    return { label, ok: r.ok, code: r.error?.code ?? null };
  };
  const url = fake.rendererContents.mainFrame.url;
  const outcomes = [
    await invoke('role in the payload', 'technician:status', trusted(), { role: 'technician', connectionId: claimId }),
    await invoke('extra arguments', 'technician:status', trusted(), {}, { role: 'technician' }, 'technician', { connectionId: claimId }),
    await invoke('technician channel inside a citizen payload', 'system:info', trusted(), { channel: 'technician:status', role: 'technician' }),
  ];
  fake.rendererContents.mainFrame.url = 'kiosk://app/index.html?role=technician#technician';
  outcomes.push(await invoke('role in the page URL', 'technician:status', trusted(), {}));
  fake.rendererContents.mainFrame.url = url;
  for (const channel of LOOK_ALIKES) outcomes.push(await invoke(`channel ${JSON.stringify(channel)}`, channel, trusted(), {}));
  return outcomes;
}

/** Every outcome refused; the exact technician channel with `forbidden`, the rest with forbidden, invalid-payload or no such channel. */
function expectAllRefused(outcomes: Outcome[]): void {
  expect(outcomes.length).toBeGreaterThan(10);
  for (const o of outcomes) {
    expect(o.ok, o.label).toBe(false);
    expect(['forbidden', 'invalid-payload', 'no-handler'], o.label).toContain(o.code);
    if (!o.label.startsWith('channel') && !o.label.includes('citizen payload')) expect(o.code, o.label).toBe('forbidden');
  }
}

describe.each([
  ['WebSocket', () => webSocketHarness('convention'), forgeOverWebSocket],
  ['WebSocket, validating client', () => webSocketHarness('validating'), forgeOverWebSocket],
  ['IPC', () => ipcHarness(), forgeOverIpc],
] as const)('roles over %s', (name, makeHarness, forge) => {
  let h: Harness;
  const received: TechnicianStatus[] = [];
  beforeAll(async () => {
    h = await makeHarness();
    await h.api.system.rendererReady({});
    h.api.technician.onStatusChanged((s) => received.push(s));
  });
  afterAll(async () => h.close());

  /** The connection of the client under test (the forging raw clients open their own, later). */
  const mine = () => h.connections[0]!;

  it('the host opened one citizen connection for the client', () => {
    expect(h.connections).toHaveLength(1);
    expect(mine().roles()).toEqual(['citizen']);
    expect(h.dispatcher.connections.get(mine().id)).toBe(mine());
  });

  it('a citizen connection calling a technician method gets forbidden; the implementation is never called', async () => {
    const error = await errorOf(h.api.technician.status({}));
    expect(error).toMatchObject({ code: 'forbidden', detail: { role: 'technician' } });
    expect(await errorOf((h.api.technician.status as (i: unknown) => Promise<unknown>)({ role: 'technician' }))).toMatchObject({ code: 'forbidden' });
    expect(h.impl.callers).toEqual([]);
  });

  it('a client claiming the role in its messages is refused every way', async () => {
    const another = h.dispatcher.connections.open('test');
    h.dispatcher.connections.grant(another.id, 'technician');
    expectAllRefused(await forge(h, another.id));
    expect(h.impl.callers).toEqual([]);
    h.dispatcher.connections.close(another.id);
  });

  it('technician events are not pushed to a citizen connection', async () => {
    h.events.emit('technician', 'onStatusChanged', STATUS);
    h.events.emit('connectivity', 'onChanged', { state: 'online', pending: 0, lastContactAt: null });
    await nextTick();
    expect(received).toEqual([]);
    if (name === 'IPC') expect(fake.rendererContents.sent.map((s) => s.channel)).toEqual(['connectivity:onChanged']);
  });

  it('after the host grants the role to this connection, the call works and its events arrive', async () => {
    h.dispatcher.connections.grant(mine().id, 'technician');
    expect(await h.api.technician.status({})).toEqual(STATUS);
    expect(h.impl.callers).toEqual([mine().id]);
    h.events.emit('technician', 'onStatusChanged', { ...STATUS, queue: { ...STATUS.queue, pending: 3 } });
    await nextTick();
    expect(received.map((s) => s.queue.pending)).toEqual([3]);
  });

  it('revoking the role refuses the connection again', async () => {
    h.dispatcher.connections.revoke(mine().id, 'technician');
    expect(await errorOf(h.api.technician.status({}))).toMatchObject({ code: 'forbidden' });
    h.dispatcher.connections.grant(mine().id, 'technician');
  });

  it('another connection is still refused, and does not get the technician events', async () => {
    const granted = mine();
    expect(granted.has('technician')).toBe(true);
    const before = h.impl.callers.length;
    let other: KioskApi;
    let closeOther = async () => undefined as void;
    if (name === 'IPC') {
      // The same window loads a new document: a new connection, citizen only.
      fake.rendererContents.emit('did-navigate');
      other = h.api;
      await other.system.rendererReady({});
      expect(granted.isOpen()).toBe(false);
      expect(h.dispatcher.connections.get(granted.id)).toBeUndefined();
    } else {
      const transport = webSocketTransportTo(h.host!);
      other = createConventionClient<KioskContract>(transport);
      await other.system.info({});
      closeOther = async () => transport.close();
    }
    const otherConnection = h.connections.at(-1)!;
    expect(otherConnection.id).not.toBe(granted.id);
    expect(otherConnection.has('technician')).toBe(false);
    const got: TechnicianStatus[] = [];
    const unsubscribe = other.technician.onStatusChanged((s) => got.push(s));
    expect(await errorOf(other.technician.status({}))).toMatchObject({ code: 'forbidden' });
    expectAllRefused(await forge(h, granted.id));
    h.events.emit('technician', 'onStatusChanged', STATUS);
    await nextTick();
    expect(got).toEqual([]);
    expect(h.impl.callers).toHaveLength(before);
    unsubscribe();
    await closeOther();
  });
});

describe('one dispatcher behind both hosts', () => {
  it('granting the IPC connection grants nothing to a WebSocket client, and closing a host closes its connections', async () => {
    const c = core();
    const ipc = await ipcHarness(c);
    const ws = await webSocketHarness('convention', c);
    try {
      await ws.api.system.info({});
      c.dispatcher.connections.grant(ipc.connections[0]!.id, 'technician');
      expect(await ipc.api.technician.status({})).toEqual(STATUS);
      expect(await errorOf(ws.api.technician.status({}))).toMatchObject({ code: 'forbidden' });
      expect(c.impl.callers).toEqual([ipc.connections[0]!.id]);
      expect(c.dispatcher.connections.list().map((x) => x.transport).sort()).toEqual(['ipc', 'websocket']);
    } finally {
      await ws.close();
      await ipc.close();
    }
    expect(c.dispatcher.connections.list()).toEqual([]);
  });

  it('the technician service is in the contract, bound to the technician role, and registered over IPC like every method', () => {
    const technician = listMethods(kioskContract).filter((m) => m.service === 'technician');
    const members = ['status', 'printTestReceipt', 'testCard', 'testScan', 'printTestA4', 'discoverDevices', 'assignDevice', 'attention', 'retryAttention', 'exportAttention', 'printJobs', 'reprintJob', 'networkTest', 'enrol', 'siteConfig', 'logs', 'syncNow', 'handBack'];
    expect(technician.map((m) => [m.channel, m.spec.role])).toEqual(members.map((m) => [`technician:${m}`, 'technician']));
    // The way in is a citizen method: it is what a connection without the role calls.
    expect(listMethods(kioskContract).filter((m) => m.service === 'technicianAccess').map((m) => m.spec.role)).toEqual(['citizen', 'citizen']);
    expect(listMethods(kioskContract).filter((m) => m.spec.role === 'technician')).toEqual(technician);
  });

  it('the staff service is bound to the staff role only, and no other service is', () => {
    const staff = listMethods(kioskContract).filter((m) => m.spec.role === 'staff');
    expect(staff.map((m) => m.channel)).toEqual(['staff:vouchIdentity', 'staff:reprintForPresent', 'staff:takeOutOfService', 'staff:backIntoService', 'staff:handBack']);
    expect(new Set(staff.map((m) => m.service))).toEqual(new Set(['staff']));
  });
});
