import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../main/core/create-kiosk-core';
import { tempDir } from '../core/support/temp-dir';
import { waitUntil } from '../core/support/wait-until';
import type { SimFixture } from '../platform-sim/sim-fixture';
import { fleetPlatform, startFleetCore } from './fleet-fixture';

// The heartbeat over real HTTP: checked every 100 ms, sent only when something changed, and as a
// full report when the (here 2 s) interval has passed.
let sim: SimFixture;
let core: KioskCore;
const kiosk = tempDir('kiosk-fleet-heartbeat-');

beforeAll(async () => {
  sim = await fleetPlatform();
  core = await startFleetCore(sim, kiosk.dir, { heartbeat: { intervalMs: 100, fullReportMs: 2_000 } });
});
afterAll(async () => {
  await core.close();
  await sim.dispose();
  kiosk.cleanup();
});

type Beat = { deviceId: string; health?: { report: string; lastErrorCodes: string[] }; alerts: Array<{ code: string }> };
const mine = async () => ((await sim.call('GET', '/admin/heartbeats')).body as Beat[]).filter((b) => b.deviceId === core.deviceId);

describe('heartbeat with health', () => {
  it('sends a full report first, nothing while nothing changes, a change at once, and the full report again after its interval', async () => {
    await waitUntil(async () => (await mine()).length >= 1, 'first heartbeat');
    await new Promise((r) => setTimeout(r, 700));
    const quiet = await mine();
    expect(quiet.map((b) => b.health?.report)).toEqual(['full']);
    core.store.setAlert('paper-low', 'receipt printer near end');
    await waitUntil(async () => (await mine()).length === 2, 'change heartbeat');
    const changed = (await mine())[1]!;
    expect(changed.health?.report).toBe('change');
    expect(changed.alerts.map((a) => a.code)).toContain('paper-low');
    await waitUntil(async () => (await mine()).length === 3, 'full report after its interval', 10_000);
    expect((await mine())[2]!.health?.report).toBe('full');
  });
});
