import Database from 'better-sqlite3';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCommand } from '../../main/cli/commands/audit';
import { queueCommand } from '../../main/cli/commands/queue';
import { syncCommand } from '../../main/cli/commands/sync';
import { txCommand } from '../../main/cli/commands/tx';
import { runKioskctl } from '../../main/cli/kioskctl';
import { openAttentionExport, openKioskStore, PLATFORM_PUBLIC_KEY_CONFIG_KEY, readOrCreateDeviceId } from '../../offline-cache/index';
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
    // Nothing written: not even a store (queue status finds no kiosk data).
    expect((await kioskctl('queue', 'status', '--data-dir', dir, '--json')).code).toBe(5);
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

  it('every state-changing command writes an audit row (tx submit, sync now), and the chain stays intact', async () => {
    const dir = dataDir();
    const id = (await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{"name":"张三"}')).out.trim();
    await kioskctl('sync', 'now', '--data-dir', dir, '--platform', 'http://127.0.0.1:9', '--timeout-ms', '1000');
    const raw = new Database(join(dir, 'kiosk.db'), { readonly: true });
    const rows = raw.prepare(`SELECT action, detail FROM audit_log WHERE action LIKE 'kioskctl.%' ORDER BY id`).all() as Array<{ action: string; detail: string }>;
    raw.close();
    expect(rows.map((r) => r.action)).toEqual(['kioskctl.tx.submit', 'kioskctl.sync.now']);
    expect(JSON.parse(rows[0]!.detail)).toEqual({ id, service: CODE });
    expect(JSON.parse(rows[1]!.detail)).toEqual({ sent: 0, rejected: 0, reachable: false, drained: false });
    expect(rows.map((r) => r.detail).join('\n')).not.toContain('张三');
    expect((await kioskctl('audit', 'verify', '--data-dir', dir)).code).toBe(0);
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

  it('read-only commands refuse a data directory without a kiosk store: exit 5, "no kiosk data here", nothing created', async () => {
    const parent = dataDir();
    const typo = join(parent, 'kiosk-dta');
    const empty = join(parent, 'empty');
    await kioskctl('tx', 'submit', '--data-dir', join(parent, 'real'), '--service', CODE, '--data', '{}');
    writeFileSync(join(parent, 'marker'), '');
    for (const dir of [typo, parent]) {
      for (const argv of [
        ['queue', 'status', '--data-dir', dir],
        ['queue', 'status', '--data-dir', dir, '--json'],
        ['queue', 'attention', '--data-dir', dir],
        ['audit', 'verify', '--data-dir', dir],
        ['sync', 'now', '--data-dir', dir, '--platform', 'http://127.0.0.1:9'],
      ]) {
        const r = await kioskctl(...argv);
        expect(r.code, argv.join(' ')).toBe(5);
        expect(r.err).toContain(`这里没有终端数据 / no kiosk data here: ${dir}`);
        expect(r.out).toBe('');
      }
    }
    expect(existsSync(typo)).toBe(false);
    expect(existsSync(empty)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(['marker', 'real']);
  });

  it('sync now exits 1 when the platform rejected an item in the pass, and says where to look', async () => {
    const dir = dataDir();
    await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{}');
    await kioskctl('tx', 'submit', '--data-dir', dir, '--service', 'ZZ99999999', '--data', '{"name":"张三"}');
    const platform = await startTestPlatform();
    cleanups.push(() => platform.close());
    const r = await kioskctl('sync', 'now', '--data-dir', dir, '--platform', platform.url);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sent 2; pending 0; needs attention 1; online');
    expect(r.err).toContain(`本次有 1 条被平台拒收 / 1 item(s) rejected in this pass: kioskctl queue attention --data-dir ${dir}`);
    const again = await kioskctl('sync', 'now', '--data-dir', dir, '--platform', platform.url);
    expect(again.code).toBe(0);
  });

  /** A data dir with one accepted and one rejected transaction (personal data in the rejected one). */
  async function withRejected(): Promise<{ dir: string; rejectedId: string; platformUrl: string }> {
    const dir = dataDir();
    await kioskctl('tx', 'submit', '--data-dir', dir, '--service', CODE, '--data', '{}');
    const rejectedId = (await kioskctl('tx', 'submit', '--data-dir', dir, '--service', 'ZZ99999999', '--data', '{"name":"张三丰","idNumber":"110101199003071230"}')).out.trim();
    const platform = await startTestPlatform();
    cleanups.push(() => platform.close());
    await kioskctl('sync', 'now', '--data-dir', dir, '--platform', platform.url);
    return { dir, rejectedId, platformUrl: platform.url };
  }

  function auditActions(dir: string): Array<{ action: string; detail: Record<string, unknown> }> {
    const raw = new Database(join(dir, 'kiosk.db'), { readonly: true });
    try {
      return (raw.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as Array<{ action: string; detail: string }>).map((r) => ({ action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    } finally {
      raw.close();
    }
  }

  it('queue attention lists the rejected items (text and --json)', async () => {
    const { dir, rejectedId } = await withRejected();
    const json = await kioskctl('queue', 'attention', '--data-dir', dir, '--json');
    expect(json.code).toBe(0);
    const items = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(items).toEqual([{ id: rejectedId, seq: 2, kind: 'transaction', reason: expect.stringContaining('unknown-service') as unknown, createdAt: expect.any(String) as unknown }]);
    expect(Object.keys(items[0]!)).toEqual(['id', 'seq', 'kind', 'reason', 'createdAt']);
    const text = await kioskctl('queue', 'attention', '--data-dir', dir);
    expect(text.out).toContain('需处理 1 条 / 1 item(s) need attention:');
    expect(text.out).toMatch(new RegExp(`^ {2}2 +transaction +${rejectedId} +unknown-service`, 'm'));
    expect(text.out).not.toContain('张三丰');
  });

  it('queue retry ID puts a rejected item back in the queue, is audited, and refuses an unknown id', async () => {
    const { dir, rejectedId } = await withRejected();
    const r = await kioskctl('queue', 'retry', rejectedId, '--data-dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`queued again: ${rejectedId}`);
    expect(JSON.parse((await kioskctl('queue', 'status', '--data-dir', dir, '--json')).out)).toMatchObject({ pending: 1, rejected: 0, needsAttention: 0 });
    expect(auditActions(dir)).toContainEqual({ action: 'kioskctl.queue.retry', detail: { id: rejectedId, kind: 'transaction', seq: 2, previousReason: expect.stringContaining('unknown-service') as unknown } });
    expect((await kioskctl('audit', 'verify', '--data-dir', dir)).code).toBe(0);
    const unknown = await kioskctl('queue', 'retry', rejectedId, '--data-dir', dir);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain(`no item needing attention with id ${rejectedId}`);
    expect(auditActions(dir).filter((a) => a.action === 'kioskctl.queue.retry')).toHaveLength(1);
  });

  function keyPair(kind: 'rsa' | 'x25519', dir: string): { pemFile: string; privateKey: KeyObject } {
    const pair = kind === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('x25519');
    const pemFile = join(dir, `${kind}.pub.pem`);
    writeFileSync(pemFile, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    return { pemFile, privateKey: pair.privateKey };
  }

  it.each(['rsa', 'x25519'] as const)('queue export --to-key (%s): personal fields sealed to the key, 0600, never overwritten, audited', async (kind) => {
    const { dir, rejectedId } = await withRejected();
    const keys = keyPair(kind, dataDir());
    const out = join(dataDir(), 'handover.json');
    const r = await kioskctl('queue', 'export', '--data-dir', dir, '--out', out, '--to-key', keys.pemFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`exported 1 item(s) to ${out}`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('110101199003071230');
    const doc = JSON.parse(text) as { key: { scheme: string } };
    expect(doc.key.scheme).toBe(kind === 'rsa' ? 'rsa-oaep-sha256' : 'x25519-hkdf-sha256-aes256gcm');
    const opened = openAttentionExport(doc, keys.privateKey);
    expect(opened).toEqual([
      expect.objectContaining({ id: rejectedId, kind: 'transaction', service: 'ZZ99999999', body: expect.objectContaining({ data: { name: '张三丰', idNumber: '110101199003071230' } }) as unknown }),
    ]);
    const other = keyPair(kind, dataDir());
    expect(() => openAttentionExport(doc, other.privateKey)).toThrow();
    expect(auditActions(dir)).toContainEqual({ action: 'kioskctl.queue.export', detail: expect.objectContaining({ items: 1, ids: [rejectedId], out }) as unknown });
    const again = await kioskctl('queue', 'export', '--data-dir', dir, '--out', out, '--to-key', keys.pemFile);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
    expect(JSON.parse((await kioskctl('queue', 'status', '--data-dir', dir, '--json')).out)).toMatchObject({ needsAttention: 1 });
  });

  it('queue export without --to-key seals to the platform key the store holds, and is refused when there is none', async () => {
    const { dir } = await withRejected();
    const out = join(dataDir(), 'handover.json');
    const none = await kioskctl('queue', 'export', '--data-dir', dir, '--out', out);
    expect(none.code).toBe(2);
    expect(none.err).toContain('this terminal has no platform key yet');
    expect(existsSync(out)).toBe(false);
    const keys = keyPair('x25519', dataDir());
    const store = openKioskStore({ dataDir: dir, deviceId: readOrCreateDeviceId(dir) });
    store.config.set(PLATFORM_PUBLIC_KEY_CONFIG_KEY, readFileSync(keys.pemFile, 'utf8'));
    store.close();
    expect((await kioskctl('queue', 'export', '--data-dir', dir, '--out', out)).code).toBe(0);
    expect(openAttentionExport(JSON.parse(readFileSync(out, 'utf8')), keys.privateKey)).toHaveLength(1);
    const weak = join(dataDir(), 'weak.pem');
    writeFileSync(weak, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const refused = await kioskctl('queue', 'export', '--data-dir', dir, '--out', join(dataDir(), 'x.json'), '--to-key', weak);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('RSA key shorter than 2048 bits');
  });
});

