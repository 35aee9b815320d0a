import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractConnection } from '../../common/contract/connections';
import type { TechnicianUnlockResult } from '../../common/contract/schemas';
import { loadConfig } from '../../main/core/config';
import { createKioskCore, type KioskCore } from '../../main/core/create-kiosk-core';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { issueCode } from '../trust/trust-fixture';
import { tempDir } from './support/temp-dir';

/**
 * Technician mode on the real core, enrolled at a real platform-sim (HTTP):
 * the credential comes from `POST /admin/technician-credentials`, the check
 * is offline against the platform key of the enrolment, the role is granted
 * to the unlocking connection only and taken away at hand-back.
 */
describe('technician mode on the enrolled core', () => {
  let f: SimFixture;
  let core: KioskCore;
  let kiosk: { dir: string; cleanup: () => void };
  const PIN = '482916';
  const issue = async (over: Record<string, unknown> = {}): Promise<string> => {
    const r = await f.call('POST', '/admin/technician-credentials', { technicianId: 'tech-042', name: '王工', siteIds: ['site-tech'], pin: PIN, ...over });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body as { credential: string }).credential;
  };
  const unlock = async (connection: ContractConnection, credential: string, pin = PIN) => {
    const r = await core.dispatcher.handle('technicianAccess:unlock', { credential, pin }, connection);
    if (!r.ok) throw new Error(`unlock failed: ${r.error.code}`);
    return r.value as TechnicianUnlockResult;
  };
  const call = (channel: string, connection: ContractConnection) => core.dispatcher.handle(channel, {}, connection);
  const audit = (): Array<{ action: string; data: string }> => {
    const raw = new Database(join(kiosk.dir, 'kiosk.db'), { readonly: true });
    try {
      return raw.prepare("SELECT action, detail AS data FROM audit_log WHERE action LIKE 'technician.%' ORDER BY id").all() as Array<{ action: string; data: string }>;
    } finally {
      raw.close();
    }
  };

  beforeAll(async () => {
    f = await startFixture({ requireSignedRequests: true });
    kiosk = tempDir('kiosk-technician-');
    core = await createKioskCore(loadConfig({ dataDir: kiosk.dir, platformUrl: f.sim.url }, {}), { enrolmentCode: await issueCode(f.sim.url, 'site-tech'), syncPollIntervalMs: 200 });
  });
  afterAll(async () => {
    await core?.close();
    kiosk?.cleanup();
    await f?.dispose();
  });

  it('technician methods are forbidden on a connection that was not unlocked', async () => {
    const citizen = core.dispatcher.connections.open('test');
    for (const channel of ['technician:status', 'technician:printTestReceipt', 'technician:syncNow', 'technician:handBack']) {
      expect(await call(channel, citizen)).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'technician' } } });
    }
  });

  it('each refusal: malformed, another site, expired, wrong PIN; a refusal grants nothing', async () => {
    const c = core.dispatcher.connections.open('test');
    expect(await unlock(c, 'not a credential')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await unlock(c, await issue({ siteIds: ['site-other'] }))).toMatchObject({ ok: false, reason: 'other-site' });
    expect(await unlock(c, await issue({ validForSeconds: -1 }))).toMatchObject({ ok: false, reason: 'expired' });
    expect(await unlock(c, await issue(), '000000')).toMatchObject({ ok: false, reason: 'pin-wrong', lock: { lockedUntil: null, attemptsLeft: 1 } });
    expect(await call('technician:status', c)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Four refusals so far; the good one clears the count.
    expect(await unlock(c, await issue())).toMatchObject({ ok: true });
    await call('technician:handBack', c);
    expect(core.store.config.get('technician.lockout')).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
  });

  it('unlocks THIS connection only; test receipt and sync now work; hand-back locks it again; all audited', async () => {
    const tech = core.dispatcher.connections.open('test');
    const other = core.dispatcher.connections.open('test');
    const r = await unlock(tech, await issue());
    expect(r).toMatchObject({ ok: true, technician: { id: 'tech-042', name: '王工' }, idleTimeoutSeconds: 120 });
    expect(await call('technician:status', tech)).toMatchObject({ ok: true });
    expect(await call('technician:status', other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('technician:printTestReceipt', tech)).toMatchObject({ ok: true, value: { state: 'done', reason: null } });
    expect(await call('technician:syncNow', tech)).toMatchObject({ ok: true, value: { reachable: true } });
    expect(await call('technician:handBack', tech)).toEqual({ ok: true, value: { ok: true } });
    // Refused by the dispatcher for want of the role (detail.role), not only by the ended visit.
    expect(tech.has('technician')).toBe(false);
    for (const channel of ['technician:status', 'technician:printTestReceipt', 'technician:syncNow']) {
      expect(await call(channel, tech)).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { role: 'technician' } } });
    }
    const actions = audit().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['technician.unlock', 'technician.action', 'technician.end', 'technician.unlock-refused']));
    const text = JSON.stringify(audit());
    expect(text).toContain('print-test-receipt');
    expect(text).toContain('sync-now');
    expect(text).toContain('hand-back');
    expect(text).not.toContain(PIN);
  });

  it('5 wrong PINs lock entry for 1 minute, refused even with the right PIN, audited as a lockout', async () => {
    const c = core.dispatcher.connections.open('test');
    const credential = await issue();
    const reasons: string[] = [];
    for (let i = 0; i < 5; i++) reasons.push((await unlock(c, credential, '111111')) .ok ? 'ok' : 'refused');
    const fifth = (await unlock(c, credential, PIN)) as Extract<TechnicianUnlockResult, { ok: false }>;
    expect(reasons).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(fifth.reason).toBe('locked');
    const ms = Date.parse(fifth.lock.lockedUntil!) - Date.now();
    expect(ms).toBeGreaterThan(50_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(await call('technician:status', c)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const lockouts = audit().filter((a) => a.action === 'technician.lockout');
    expect(lockouts).toHaveLength(1);
    expect(JSON.parse(lockouts[0]!.data)).toMatchObject({ minutes: 1 });
  });
});
