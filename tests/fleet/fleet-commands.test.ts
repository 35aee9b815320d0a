import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../main/core/create-kiosk-core';
import { tempDir } from '../core/support/temp-dir';
import { waitUntil } from '../core/support/wait-until';
import type { SimFixture } from '../platform-sim/sim-fixture';
import { auditRows, fleetPlatform, serviceState, startFleetCore } from './fleet-fixture';

// Signed commands over real HTTP, platform-sim requiring signed requests: each carried out once,
// audited and acknowledged; replayed, unsigned, expired and foreign commands refused.
let sim: SimFixture;
let core: KioskCore;
let restarts = 0;
const kiosk = tempDir('kiosk-fleet-commands-');

beforeAll(async () => {
  sim = await fleetPlatform();
  core = await startFleetCore(sim, kiosk.dir, { onRestartRequested: () => void restarts++ });
});
afterAll(async () => {
  await core.close();
  await sim.dispose();
  kiosk.cleanup();
});

interface CommandRow {
  ref: number;
  id: string;
  kind: string;
  deliveredCount: number;
  ack: { status: string; reason: string | null } | null;
}
async function command(body: Record<string, unknown>): Promise<CommandRow> {
  const r = await sim.call('POST', '/admin/fleet/commands', 'replayRef' in body ? body : { terminal: core.deviceId, ...body });
  expect(r.body).toMatchObject({ ref: expect.any(Number) });
  expect(r.status).toBe(200);
  const ref = r.body.ref as number;
  await waitUntil(async () => ((await sim.call('GET', `/admin/fleet/commands?terminal=${core.deviceId}`)).body as CommandRow[]).some((c) => c.ref === ref && c.ack !== null), `command ${ref} acknowledged`);
  return ((await sim.call('GET', `/admin/fleet/commands?terminal=${core.deviceId}`)).body as CommandRow[]).find((c) => c.ref === ref)!;
}
const audited = (action: string) => auditRows(kiosk.dir).filter((r) => r.action === action);

describe('fleet commands (signed, idempotent, audited, acknowledged)', () => {
  it('take out of service and back into service', async () => {
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    const out = await command({ kind: 'take-out-of-service' });
    expect(out.ack).toMatchObject({ status: 'done', reason: null });
    expect(await serviceState(core)).toEqual({ inService: false, reason: 'taken-out-of-service' });
    const back = await command({ kind: 'back-into-service' });
    expect(back.ack).toMatchObject({ status: 'done' });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    expect(audited('fleet.command').map((r) => r.detail.kind)).toEqual(['take-out-of-service', 'back-into-service']);
  });

  it('a replayed command (the very same signed document again) is acknowledged duplicate and not carried out', async () => {
    const first = (await sim.call('GET', `/admin/fleet/commands?terminal=${core.deviceId}`)).body as CommandRow[];
    const takeOut = first.find((c) => c.kind === 'take-out-of-service')!;
    const replay = await command({ replayRef: takeOut.ref });
    expect(replay.id).toBe(takeOut.id);
    expect(replay.ack).toMatchObject({ status: 'duplicate', reason: 'replayed' });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    expect(audited('fleet.command-refused').at(-1)!.detail).toMatchObject({ id: takeOut.id, reason: 'replayed' });
    expect(audited('fleet.command')).toHaveLength(2);
  });

  it('an unsigned command is refused (signature-missing) and not carried out', async () => {
    const r = await command({ kind: 'take-out-of-service', mode: 'unsigned' });
    expect(r.ack).toMatchObject({ status: 'refused', reason: 'signature-missing' });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    expect(audited('fleet.command-refused').at(-1)!.detail).toMatchObject({ reason: 'signature-missing' });
  });

  it('an expired command and one signed for another terminal are refused', async () => {
    const expired = await command({ kind: 'take-out-of-service', validForSeconds: -60 });
    expect(expired.ack).toMatchObject({ status: 'refused', reason: 'expired' });
    // Signed by the platform, but for another device id, then queued for this terminal.
    const foreign = await sim.call('POST', '/admin/fleet/commands', { terminal: 'kiosk-someone-else', kind: 'take-out-of-service' });
    const replayed = await command({ replayRef: foreign.body.ref as number, terminal: core.deviceId });
    expect(replayed.ack).toMatchObject({ status: 'refused', reason: 'other-device' });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
  });

  it('sync now and upload logs are carried out and acknowledged; the logs reach the platform', async () => {
    const sync = await command({ kind: 'sync-now' });
    expect(sync.ack).toMatchObject({ status: 'done' });
    const logs = await command({ kind: 'upload-logs' });
    expect(logs.ack).toMatchObject({ status: 'done' });
    const uploads = (await sim.call('GET', '/admin/fleet/logs')).body as Array<{ deviceId: string; commandId: string; lines: string[] }>;
    const mine = uploads.find((u) => u.commandId === logs.id)!;
    expect(mine.deviceId).toBe(core.deviceId);
    expect(mine.lines.length).toBeGreaterThan(0);
    expect(mine.lines.some((l) => l.includes('core.start'))).toBe(true);
  });

  it('restart when idle: acknowledged at once, the host is asked to restart once the terminal is idle', async () => {
    const r = await command({ kind: 'restart-when-idle' });
    expect(r.ack).toMatchObject({ status: 'done' });
    await waitUntil(() => restarts === 1, 'restart requested');
    expect(audited('fleet.restart')).toHaveLength(1);
  });

  it('the fleet view lists the terminal with its last health', async () => {
    const r = await sim.call('GET', '/admin/fleet/terminals');
    expect(r.status).toBe(200);
    const me = (r.body as Array<{ deviceId: string; health: { diskFreeBytes: number }; devices: unknown[]; lastHeartbeatAt: unknown; lastFullReportAt: unknown; auditHead: unknown }>).find((t) => t.deviceId === core.deviceId)!;
    expect(me).toMatchObject({ siteId: 'site-fleet', enrolled: true, revoked: false, pendingCommands: 0 });
    expect(me.lastHeartbeatAt).toEqual(expect.any(String));
    expect(me.lastFullReportAt).toEqual(expect.any(String));
    expect(me.health).toMatchObject({ versions: { kiosk: expect.any(String), runtime: process.versions.node }, paper: expect.any(String), inService: true });
    expect(me.health.diskFreeBytes).toBeGreaterThan(0);
    expect(me.auditHead).toMatchObject({ id: expect.any(Number) });
    expect(me.devices.length).toBeGreaterThan(0);
    const one = await sim.call('GET', `/admin/fleet/terminals/${core.deviceId}`);
    expect(one.body.deviceId).toBe(core.deviceId);
    expect((await sim.call('GET', '/admin/fleet/terminals/nobody')).status).toBe(404);
  });
});
