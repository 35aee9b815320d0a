import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../main/cli/commands/audit';
import { queueCommand } from '../../main/cli/commands/queue';
import { syncCommand } from '../../main/cli/commands/sync';
import { txCommand } from '../../main/cli/commands/tx';
import { runKioskctl } from '../../main/cli/kioskctl';
import { openKioskStore, readOrCreateDeviceId } from '../../offline-cache/index';
import { startTestPlatform, TEST_SERVICE_CODES } from './support/test-platform';
import { tempDir } from './support/temp-dir';

const commands = [txCommand, queueCommand, syncCommand, auditCommand];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function kioskctl(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runKioskctl(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), stopSignal: new Promise(() => {}) }, commands);
  return { code, out, err };
}

function dataDir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const CODE = TEST_SERVICE_CODES[0]!;

describe('kioskctl tx / queue / sync / audit', () => {
  it('tx submit prints only the id after a durable write; queue status --json has the exact keys', async () => {
    const dir = dataDir();
    const r = await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{"name":"张三"}');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\n$/);
    const q = await kioskctl('queue', 'status', '--data-dir', dir, '--json');
    expect(q.code).toBe(0);
    expect(q.out.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(q.out) as Record<string, number>;
    expect(Object.keys(parsed)).toEqual(['pending', 'inFlight', 'accepted', 'rejected', 'needsAttention', 'oldestPendingAgeSeconds']);
    expect(parsed).toMatchObject({ pending: 1, inFlight: 0, accepted: 0 });
    expect(readOrCreateDeviceId(dir)).toBe(readOrCreateDeviceId(dir));
  });

  it('tx submit works while another process-like handle holds the same store open', async () => {
    const dir = dataDir();
    const serve = openKioskStore({ dataDir: dir, deviceId: readOrCreateDeviceId(dir) });
    cleanups.push(() => serve.close());
    const a = serve.submitTransaction({ service: CODE, data: {} });
    const r = await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{}');
    expect(r.code).toBe(0);
    const b = serve.submitTransaction({ service: CODE, data: {} });
    expect(b.seq).toBe(a.seq + 2);
    expect(serve.transactionStatus(r.out.trim())).toBe('pending');
  });

  it('rejects bad --data with a usage error and writes nothing', async () => {
    const dir = dataDir();
    expect((await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '[1]')).code).toBe(2);
    expect((await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{"a":1}')).code).toBe(2);
    expect((await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE)).code).toBe(2);
    expect(JSON.parse((await kioskctl('queue', 'status', '--data-dir', dir, '--json')).out).pending).toBe(0);
  });

  it('sync now exits 0 when drained and 6 when the platform is unreachable', async () => {
    const dir = dataDir();
    await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{}');
    const down = await kioskctl('sync', 'now', '--data-dir', dir, '--platform', 'http://127.0.0.1:9', '--timeout-ms', '1000');
    expect(down.code).toBe(6);
    const platform = await startTestPlatform();
    cleanups.push(() => platform.close());
    const up = await kioskctl('sync', 'now', '--data-dir', dir, '--platform', platform.url);
    expect(up.code).toBe(0);
    expect(JSON.parse((await kioskctl('queue', 'status', '--data-dir', dir, '--json')).out)).toMatchObject({ pending: 0, accepted: 1 });
  });

  it('audit verify exits 0 when intact and 1 naming the first bad row when tampered', async () => {
    const dir = dataDir();
    const store = openKioskStore({ dataDir: dir, deviceId: readOrCreateDeviceId(dir) });
    for (let i = 0; i < 4; i++) store.audit.append('technician.action', { step: i });
    store.close();
    const ok = await kioskctl('audit', 'verify', '--data-dir', dir);
    expect(ok.code).toBe(0);
    const raw = new Database(join(dir, 'kiosk.db'));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET action = 'nothing.happened' WHERE id = 2`).run();
    raw.close();
    const bad = await kioskctl('audit', 'verify', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/first bad row 2/);
  });
});
