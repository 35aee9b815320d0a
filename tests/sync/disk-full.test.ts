import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore, StorageError } from '../../offline-cache/index';
import { tempDir } from './support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

describe('disk full (SQLITE_FULL via max_page_count)', () => {
  it('refuses new submissions with a bilingual typed error and loses nothing committed', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-full', maxPageCount: 60 });
    const committed: string[] = [];
    const big = 'x'.repeat(400);
    let refusal: unknown = null;
    for (let i = 0; i < 5000 && refusal === null; i++) {
      try {
        committed.push(store.submitTransaction({ service: 'XK00001001', data: { note: big, i: String(i) } }).id);
      } catch (e) {
        refusal = e;
      }
    }
    expect(refusal).toBeInstanceOf(StorageError);
    const err = refusal as StorageError;
    expect(err.code).toBe('storage-full');
    expect(err.messageZh).toMatch(/存储空间已满/);
    expect(err.messageEn).toMatch(/storage is full/);
    expect(committed.length).toBeGreaterThan(10);
    expect(store.alerts().map((a) => a.code)).toContain('storage-full');
    // Still refused, still nothing half-written.
    expect(() => store.submitTransaction({ service: 'XK00001001', data: { note: big } })).toThrow(StorageError);
    expect(store.queueStatus().pending).toBe(committed.length);
    store.close();

    const reopened = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-full' });
    expect(reopened.queueStatus().pending).toBe(committed.length);
    for (const id of committed) expect(reopened.transactionStatus(id)).toBe('pending');
    const claimed = reopened.outbox.claim('transaction', 10_000).map((c) => c.id);
    expect(claimed).toEqual(committed);
    // With space again, submissions work and the seq continues without reuse.
    const next = reopened.submitTransaction({ service: 'XK00001001', data: {} });
    expect(next.seq).toBe(committed.length + 1);
    reopened.close();
  });
});
