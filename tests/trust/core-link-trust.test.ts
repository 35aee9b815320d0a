import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ServiceState } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { LINK_STANDING_KEY } from '../../main/core/trust/link-standing';
import type { PlatformExchange } from '../../uplink/index';
import { EventLog } from '../core/support/event-log';
import { tempDir } from '../core/support/temp-dir';
import { waitUntil } from '../core/support/wait-until';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from './trust-fixture';

// The composition root against platform-sim that requires signed requests (real HTTP): what
// the terminal does when it is not enrolled, enrolled, and revoked.
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
let f: SimFixture | null = null;
afterAll(() => f?.dispose());

async function platform(): Promise<SimFixture> {
  f ??= await startFixture({ requireSignedRequests: true });
  return f;
}

async function startCore(dir: string, options: { enrolmentCode?: string; lines?: string[]; traffic?: PlatformExchange[]; platformUrl?: string } = {}): Promise<KioskCore> {
  const sim = await platform();
  const core = await createKioskCore(loadConfig({ dataDir: dir, platformUrl: options.platformUrl ?? sim.sim.url }, {}), {
    syncPollIntervalMs: 200,
    probeIntervalMs: 100,
    ...(options.enrolmentCode ? { enrolmentCode: options.enrolmentCode } : {}),
    log: (line) => void options.lines?.push(line),
    uplinkTraffic: (x) => void options.traffic?.push(x),
  });
  cleanups.push(() => core.close());
  return core;
}

async function serviceState(core: KioskCore): Promise<ServiceState> {
  const r = await core.dispatcher.handle('system:serviceState', {});
  if (!r.ok) throw new Error('system:serviceState failed');
  return r.value as ServiceState;
}

function auditActions(dir: string): string[] {
  const raw = new Database(join(dir, 'kiosk.db'), { readonly: true });
  try {
    return (raw.prepare('SELECT action FROM audit_log ORDER BY id').all() as Array<{ action: string }>).map((r) => r.action);
  } finally {
    raw.close();
  }
}

describe('the core and the platform link (platform-sim requiring signed requests)', () => {
  it('not enrolled: out of service as not-enrolled (暂未开通服务) with a service line that says what to do; nothing was accepted unsigned', async () => {
    const kiosk = tempDir('kiosk-trust-core-');
    cleanups.push(kiosk.cleanup);
    const lines: string[] = [];
    const core = await startCore(kiosk.dir, { lines });
    expect(await serviceState(core)).toEqual({ inService: false, reason: 'not-enrolled' });
    expect(lines.some((l) => l.startsWith('暂未开通服务') && l.includes('signature-missing') && l.includes('kioskctl enrol'))).toBe(true);
    expect(core.store.config.get(LINK_STANDING_KEY)).toMatchObject({ deviceId: core.deviceId, refused: 'not-enrolled', code: 'signature-missing' });
    expect(auditActions(kiosk.dir)).toContain('trust.not-enrolled');
  });

  it('with an enrolment code: enrols at start, signs every request, verifies every reply, and is in service', async () => {
    const sim = await platform();
    const kiosk = tempDir('kiosk-trust-core-');
    cleanups.push(kiosk.cleanup);
    const traffic: PlatformExchange[] = [];
    const core = await startCore(kiosk.dir, { enrolmentCode: await issueCode(sim.sim.url, 'site-core'), traffic });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    const enrolment = JSON.parse(readFileSync(join(kiosk.dir, 'enrolment.json'), 'utf8')) as { deviceId: string; siteId: string };
    expect(enrolment.siteId).toBe('site-core');
    expect(core.deviceId).toBe(enrolment.deviceId);
    expect(traffic.length).toBeGreaterThan(0);
    // A query service answers over the signed link too (request signed, reply verified).
    core.simulators.insertCard('resident');
    await waitUntil(async () => {
      const view = await core.dispatcher.handle('session:current', {});
      if (view.ok && (view.value as { leftCard: string | null }).leftCard === 'at-start') await core.dispatcher.handle('session:begin', {});
      return view.ok && (view.value as { stage: string }).stage === 'identified';
    }, 'identified');
    const query = await core.dispatcher.handle('queries:run', { serviceCode: 'GG00001001', form: {} });
    expect(query.ok, JSON.stringify(query)).toBe(true);
    expect(traffic.some((x) => x.path.startsWith('/api/v1/queries'))).toBe(true);
    for (const x of traffic) {
      expect(x.request.headers['x-kiosk-signature'], `${x.method} ${x.path}`).toMatch(/^alg=ed25519, sig=/);
      expect(x.response?.headers['x-platform-signature'], `${x.method} ${x.path}`).toMatch(/^alg=ed25519, sig=/);
      expect(x.error).toBeNull();
    }
  });

  it('an enrolment whose device key is gone counts as none: 暂未开通服务 until enrolled again', async () => {
    const sim = await platform();
    const kiosk = tempDir('kiosk-trust-core-');
    cleanups.push(kiosk.cleanup);
    const first = await startCore(kiosk.dir, { enrolmentCode: await issueCode(sim.sim.url, 'site-core') });
    expect(await serviceState(first)).toEqual({ inService: true, reason: null });
    await first.close();
    rmSync(join(kiosk.dir, 'device-key.sealed'));
    const again = await startCore(kiosk.dir);
    expect(await serviceState(again)).toEqual({ inService: false, reason: 'not-enrolled' });
  });

  it('revoked by the platform: 暂停服务 with reason revoked, announced, audited, the queued rating kept; a restart stays revoked', async () => {
    const sim = await platform();
    const kiosk = tempDir('kiosk-trust-core-');
    cleanups.push(kiosk.cleanup);
    const lines: string[] = [];
    const core = await startCore(kiosk.dir, { enrolmentCode: await issueCode(sim.sim.url, 'site-core'), lines });
    expect(await serviceState(core)).toEqual({ inService: true, reason: null });
    const events = new EventLog(core.events);
    cleanups.push(() => events.close());
    expect((await sim.call('POST', `/admin/devices/${core.deviceId}/revoke`, {})).status).toBe(200);
    core.store.enqueueRating({ transactionId: null, service: 'GG00001001', level: 'satisfied', reason: null });
    await core.sync.syncNow();
    await waitUntil(() => events.of<ServiceState>('system:onServiceState').some((s) => s.reason === 'revoked'), 'onServiceState revoked');
    expect(await serviceState(core)).toEqual({ inService: false, reason: 'revoked' });
    const queued = core.store.queueStatus();
    expect(queued.pending + queued.inFlight).toBe(1);
    expect(queued.accepted).toBe(0);
    expect(auditActions(kiosk.dir)).toContain('trust.revoked');
    expect(lines.some((l) => l.startsWith('暂停服务') && l.includes('device-revoked') && l.includes(core.deviceId))).toBe(true);
    await core.close();
    // Restarted with the platform out of reach, with the catalogue cached: still out of service, and it says why.
    lines.length = 0;
    const again = await startCore(kiosk.dir, { lines, platformUrl: 'http://127.0.0.1:9' });
    expect(lines.some((l) => l.startsWith('暂停服务') && l.includes('device-revoked'))).toBe(true);
    expect(await serviceState(again)).toEqual({ inService: false, reason: 'revoked' });
    const q = again.store.queueStatus();
    expect(q.pending + q.inFlight).toBe(1);
    expect(q.accepted).toBe(0);
  });
});
