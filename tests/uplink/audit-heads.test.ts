import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMac, deriveAuditKey, GENESIS_HASH, openKioskStore, type KioskStore } from '../../offline-cache/index';
import { FileKeyProvider } from '../../offline-cache/crypto/key-provider';
import { createPlatformClient, sendHeartbeat } from '../../uplink/index';
import { startPlatformProcess, type PlatformProcess } from '../sync/support/platform-process';
import { tempDir } from '../sync/support/temp-dir';

/**
 * The audit chain's head travels in every heartbeat and platform-sim keeps
 * the heads it received, so a chain rebuilt even by someone holding the
 * audit key (here: the test, with the terminal's own key file) is caught.
 */
let platform: PlatformProcess;
const t = tempDir();
beforeAll(async () => {
  platform = await startPlatformProcess(`${t.dir}/platform`);
});
afterAll(async () => {
  await platform?.kill();
  t.cleanup();
});

type Alert = { deviceId: string; code: string; detail: Record<string, unknown> };
const alerts = async (deviceId: string): Promise<Alert[]> => ((await (await fetch(`${platform.url}/admin/audit-alerts`)).json()) as Alert[]).filter((a) => a.deviceId === deviceId);

/** Rewrites the chain in the file with the real audit key: drops row `dropId` and renumbers, as someone covering a trace would. */
function rebuildWithKey(dataDir: string, dropId: number): void {
  const key = deriveAuditKey(new FileKeyProvider(dataDir).getKey());
  const raw = new Database(join(dataDir, 'kiosk.db'));
  const rows = (raw.prepare('SELECT id, at, action, detail FROM audit_log ORDER BY id').all() as Array<{ id: number; at: string; action: string; detail: string }>).filter((r) => r.id !== dropId);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  raw.prepare('DELETE FROM audit_log').run();
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    const id = i + 1;
    const hash = auditMac(key, prev, id, r.at, r.action, r.detail);
    raw.prepare('INSERT INTO audit_log (id, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(id, r.at, r.action, r.detail, prev, hash);
    prev = hash;
  });
  raw.prepare(`UPDATE config SET value = ? WHERE key = 'audit.head'`).run(JSON.stringify({ id: rows.length, hash: prev }));
  raw.close();
}

function openAt(dataDir: string, deviceId: string): KioskStore {
  return openKioskStore({ dataDir, deviceId, keyProvider: new FileKeyProvider(dataDir) });
}

describe('audit heads in heartbeats', () => {
  it('consistent heads are acknowledged, and the proof at the acknowledged head is sent next time', async () => {
    const dataDir = `${t.dir}/kiosk-ok`;
    const store = openAt(dataDir, 'kiosk-audit-ok');
    try {
      const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
      store.audit.append('technician.login', {});
      await sendHeartbeat({ store, client, version: '0.1.0' });
      expect(store.config.get('audit.platformAck')).toBe(1);
      store.audit.append('config.change', {});
      await sendHeartbeat({ store, client, version: '0.1.0' });
      expect(store.config.get('audit.platformAck')).toBe(2);
      const sent = ((await (await fetch(`${platform.url}/admin/heartbeats`)).json()) as Array<{ deviceId: string; audit: unknown }>).filter((h) => h.deviceId === 'kiosk-audit-ok');
      expect(sent.at(-1)!.audit).toEqual({ head: { id: 2, hash: store.audit.head().hash }, proof: { id: 1, hash: store.audit.hashAt(1) } });
      expect(await alerts('kiosk-audit-ok')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a chain rebuilt with the audit key passes the local check but is caught by the platform', async () => {
    const dataDir = `${t.dir}/kiosk-forged`;
    let store = openAt(dataDir, 'kiosk-audit-forged');
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    for (const action of ['technician.login', 'queue.export', 'config.change']) store.audit.append(action, {});
    await sendHeartbeat({ store, client, version: '0.1.0' });
    store.audit.append('technician.logout', {});
    store.close();

    rebuildWithKey(dataDir, 2);
    store = openAt(dataDir, 'kiosk-audit-forged');
    try {
      expect(store.audit.verify().ok).toBe(true);
      await sendHeartbeat({ store, client, version: '0.1.0' });
      expect((await alerts('kiosk-audit-forged')).map((a) => [a.code, a.detail])).toEqual([['audit-chain-rewritten', { id: 3 }]]);
    } finally {
      store.close();
    }
  });

  it('rows cut from the end (with the head record fixed up) are caught as a truncated chain', async () => {
    const dataDir = `${t.dir}/kiosk-cut`;
    let store = openAt(dataDir, 'kiosk-audit-cut');
    const client = createPlatformClient({ baseUrl: platform.url, deviceId: store.deviceId });
    for (let i = 0; i < 3; i++) store.audit.append('config.change', { n: i });
    await sendHeartbeat({ store, client, version: '0.1.0' });
    store.close();

    rebuildWithKey(dataDir, 3);
    store = openAt(dataDir, 'kiosk-audit-cut');
    try {
      // The proof at id 3 no longer exists on the terminal; its head went back to 2.
      await sendHeartbeat({ store, client, version: '0.1.0' });
      expect((await alerts('kiosk-audit-cut')).map((a) => a.code)).toEqual(['audit-chain-truncated']);
    } finally {
      store.close();
    }
  });
});
