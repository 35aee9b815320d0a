import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, StorageError } from '../../offline-cache/index';
import { tempDir } from './support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

const PAGE = 4096;

function fill(dir: string, n: number): string[] {
  const store = openKioskStore({ dataDir: dir, deviceId: 'kiosk-corrupt' });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(store.submitTransaction({ service: 'XK00001001', data: { i: String(i), pad: 'p'.repeat(200) } }).id);
  store.audit.append('technician.login', { who: 'tech-1' });
  store.close();
  return ids;
}

function smash(path: string, pageNumbers: number[]): void {
  const fd = openSync(path, 'r+');
  for (const p of pageNumbers) writeSync(fd, Buffer.alloc(PAGE, 0xa5), 0, PAGE, (p - 1) * PAGE);
  closeSync(fd);
}

/** Page numbers of the outbox table's leaf pages (dbstat is not compiled in; walk via rootpage). */
function outboxPageCount(path: string): number {
  const db = new Database(path, { readonly: true });
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  return pages;
}

describe('corrupt database', () => {
  it('quarantines the file (never deletes it) and recovers readable rows into a fresh one', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const ids = fill(t.dir, 400);
    const path = join(t.dir, 'kiosk.db');
    const pages = outboxPageCount(path);
    const originalSize = statSync(path).size;
    // Damage a run of pages in the middle of the file.
    const mid = Math.floor(pages / 2);
    smash(path, [mid, mid + 1]);

    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-corrupt' });
    const quarantined = readdirSync(t.dir).filter((f) => f.startsWith('kiosk.db.corrupt-'));
    expect(quarantined.length).toBeGreaterThanOrEqual(1);
    expect(statSync(join(t.dir, quarantined.find((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))!)).size).toBe(originalSize);
    expect(store.recovery).not.toBeNull();
    expect(store.alerts().map((a) => a.code)).toContain('storage-recovered');

    const recovered = store.outbox.claim('transaction', 10_000).map((c) => c.id);
    // Most rows survive two smashed pages; every recovered one decrypts and is one of ours, in order.
    expect(recovered.length).toBeGreaterThan(ids.length * 0.6);
    const known = new Set(ids);
    expect(recovered.every((id) => known.has(id))).toBe(true);
    expect(recovered).toEqual(ids.filter((id) => recovered.includes(id)));
    // New submissions work and never reuse a recovered seq.
    const next = store.submitTransaction({ service: 'XK00001001', data: {} });
    expect(next.seq).toBeGreaterThan(ids.length - 1);
    store.close();
  });

  it('quarantines a file that is not a database at all and starts fresh', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    fill(t.dir, 20);
    const path = join(t.dir, 'kiosk.db');
    smash(path, [1]);
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-corrupt' });
    expect(readdirSync(t.dir).some((f) => f.startsWith('kiosk.db.corrupt-'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(store.submitTransaction({ service: 'XK00001001', data: {} }).id).toMatch(/^[0-9a-f-]{36}$/);
    store.close();
  });

  it('refuses writes with storage-corrupt when damage is hit while running', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    fill(t.dir, 300);
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-corrupt' });
    const path = join(t.dir, 'kiosk.db');
    // Checkpoint so the main file holds everything, then damage the outbox pages under the open store.
    const w = new Database(path);
    w.pragma('wal_checkpoint(TRUNCATE)');
    w.close();
    const pages = outboxPageCount(path);
    smash(path, Array.from({ length: pages - 2 }, (_, i) => i + 3));
    let error: unknown = null;
    try {
      store.outbox.claim('transaction', 1000);
      store.submitTransaction({ service: 'XK00001001', data: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('storage-corrupt');
    expect((error as StorageError).messageZh).toMatch(/数据文件异常/);
    expect(() => store.submitTransaction({ service: 'XK00001001', data: {} })).toThrow(StorageError);
    expect(store.alerts().map((a) => a.code)).toContain('storage-corrupt');
    store.close();
  });
});
