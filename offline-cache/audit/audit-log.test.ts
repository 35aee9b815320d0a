import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TestKeyProvider } from '../crypto/key-provider';
import { openKioskStore, type KioskStore } from '../kiosk-store';
import { auditHash, auditMac, deriveAuditKey, GENESIS_HASH } from './audit-log';

const dirs: string[] = [];
const stores: KioskStore[] = [];
function open(dir: string, key = new TestKeyProvider()): KioskStore {
  const s = openKioskStore({ dataDir: dir, deviceId: 'kiosk-audit-0001', keyProvider: key });
  stores.push(s);
  return s;
}
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const s of stores.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Row = { id: number; at: string; action: string; detail: string };

/** Rewrites the whole chain in the database file, hashing each row with `hash` (what an attacker with write access does). */
function rebuildChain(dir: string, rows: Row[], hash: (prev: string, r: Row) => string): void {
  const raw = new Database(join(dir, 'kiosk.db'));
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  raw.prepare('DELETE FROM audit_log').run();
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const h = hash(prev, r);
    raw.prepare('INSERT INTO audit_log (id, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.at, r.action, r.detail, prev, h);
    prev = h;
  }
  raw.prepare(`INSERT OR REPLACE INTO config (key, value, updated_at) VALUES ('audit.head', ?, '2026-01-01T00:00:00.000Z')`).run(JSON.stringify({ id: rows.at(-1)?.id ?? 0, hash: prev }));
  // Put the triggers back, leaving no trace of the rewrite.
  raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
  raw.close();
}

function readRows(dir: string): Row[] {
  const raw = new Database(join(dir, 'kiosk.db'), { readonly: true });
  const rows = raw.prepare('SELECT id, at, action, detail FROM audit_log ORDER BY id').all() as Row[];
  raw.close();
  return rows;
}

describe('keyed audit chain', () => {
  it('rows are chained with an HMAC under a key derived from the data key, not a plain hash', () => {
    const dir = freshDir();
    const s = open(dir);
    s.audit.append('technician.login', { n: 1 });
    const [row] = readRows(dir);
    const key = deriveAuditKey(new TestKeyProvider().getKey());
    expect(s.audit.head()).toEqual({ id: 1, hash: auditMac(key, GENESIS_HASH, 1, row!.at, row!.action, row!.detail) });
    expect(s.audit.head().hash).not.toBe(auditHash(GENESIS_HASH, 1, row!.at, row!.action, row!.detail));
    expect(key.equals(new TestKeyProvider().getKey())).toBe(false);
  });

  it('a chain rebuilt without the key (plain SHA-256, one row removed) is refused', () => {
    const dir = freshDir();
    const s = open(dir);
    for (let i = 0; i < 4; i++) s.audit.append('config.change', { n: i });
    s.close();
    const rows = readRows(dir).filter((r) => r.id !== 2).map((r, i) => ({ ...r, id: i + 1 }));
    rebuildChain(dir, rows, (prev, r) => auditHash(prev, r.id, r.at, r.action, r.detail));
    expect(open(dir).audit.verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('a chain rebuilt with a guessed key is refused at its first row', () => {
    const dir = freshDir();
    const s = open(dir);
    for (let i = 0; i < 3; i++) s.audit.append('config.change', { n: i });
    s.close();
    const wrong = deriveAuditKey(Buffer.alloc(32, 9));
    rebuildChain(dir, readRows(dir), (prev, r) => auditMac(wrong, prev, r.id, r.at, r.action, r.detail));
    expect(open(dir).audit.verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('a chain written before the chain was keyed is re-chained under the key once, with a record of it', () => {
    const dir = freshDir();
    open(dir).close();
    const legacy: Row[] = [1, 2].map((id) => ({ id, at: `2026-01-0${id}T00:00:00.000Z`, action: 'core.start', detail: '{}' }));
    rebuildChain(dir, legacy, (prev, r) => auditHash(prev, r.id, r.at, r.action, r.detail));
    // What an older version left: an unkeyed chain and no scheme record.
    const raw = new Database(join(dir, 'kiosk.db'));
    raw.prepare(`DELETE FROM config WHERE key = 'audit.scheme'`).run();
    raw.close();
    const s = open(dir);
    expect(s.audit.verify()).toEqual({ ok: true, brokenAt: null, rows: 3 });
    expect(readRows(dir).map((r) => r.action)).toEqual(['core.start', 'core.start', 'audit.keyed']);
    expect(JSON.parse(readRows(dir)[2]!.detail)).toMatchObject({ rechainedRows: 2 });
    s.close();
    // Never again: the same unkeyed rebuild on the now keyed store is refused.
    rebuildChain(dir, legacy, (prev, r) => auditHash(prev, r.id, r.at, r.action, r.detail));
    expect(open(dir).audit.verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('an unkeyed row after keyed rows is refused (no downgrade)', () => {
    const dir = freshDir();
    const s = open(dir);
    s.audit.append('a', {});
    s.close();
    const rows = [...readRows(dir), { id: 2, at: '2026-12-07T00:00:00.000Z', action: 'b', detail: '{}' }];
    const key = deriveAuditKey(new TestKeyProvider().getKey());
    rebuildChain(dir, rows, (prev, r) => (r.id === 1 ? auditMac(key, prev, r.id, r.at, r.action, r.detail) : auditHash(prev, r.id, r.at, r.action, r.detail)));
    expect(open(dir).audit.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('head() and hashAt() report the chain for heartbeats', () => {
    const s = open(freshDir());
    expect(s.audit.head()).toEqual({ id: 0, hash: GENESIS_HASH });
    s.audit.append('a', {});
    s.audit.append('b', {});
    expect(s.audit.head().id).toBe(2);
    expect(s.audit.hashAt(2)).toBe(s.audit.head().hash);
    expect(s.audit.hashAt(1)).not.toBeNull();
    expect(s.audit.hashAt(3)).toBeNull();
  });
});
