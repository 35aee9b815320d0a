import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TestKeyProvider } from './crypto/key-provider';
import { StorageError } from './errors';
import { BUNDLE_ID_KEY, BUNDLE_REF_KEY, DATABASE_FILE, openKioskStore, type KioskStore } from './kiosk-store';

const dirs: string[] = [];
const stores: KioskStore[] = [];
function open(options: { maxPageCount?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bundle-'));
  dirs.push(dir);
  const store = openKioskStore({ dataDir: dir, deviceId: 'kiosk-test-0001', keyProvider: new TestKeyProvider(), ...options });
  stores.push(store);
  return store;
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

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Rows as a second connection sees them (committed only). */
function committedRows(store: KioskStore): { outbox: number; transactions: number } {
  const raw = new Database(join(store.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const outbox = (raw.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'transaction'`).get() as { n: number }).n;
    const transactions = (raw.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;
    return { outbox, transactions };
  } finally {
    raw.close();
  }
}

const ITEMS: Array<{ service: string; data: Record<string, string> }> = [
  { service: 'QR00003001', data: { name: '张三', field1: '张小宝' } },
  { service: 'QR00004001', data: { name: '张三', field3: '子' } },
  { service: 'QR00006001', data: { name: '张三' } },
];

describe('KioskStore.submitBundle (一件事一次办)', () => {
  it('commits every item together: own UUIDv7, consecutive seq, own receipt number, shared bundle id and reference in each sealed body', () => {
    const s = open();
    const before = s.submitTransaction({ service: 'XK1', data: {} });
    const seenAtEnqueue: Array<{ outbox: number; transactions: number }> = [];
    const off = s.onEnqueued(() => seenAtEnqueue.push(committedRows(s)));
    const bundle = s.submitBundle({ bundleId: 'newborn', items: ITEMS });
    off();
    // One notification, after the commit of all three (a second connection sees them all).
    expect(seenAtEnqueue).toEqual([{ outbox: 4, transactions: 4 }]);
    expect(bundle.bundleId).toBe('newborn');
    expect(bundle.bundleRef).toMatch(UUID_V7);
    expect(bundle.items).toHaveLength(3);
    expect(new Set(bundle.items.map((i) => i.id)).size).toBe(3);
    for (const i of bundle.items) expect(i.id).toMatch(UUID_V7);
    expect(bundle.items.map((i) => i.seq)).toEqual([before.seq + 1, before.seq + 2, before.seq + 3]);
    expect(bundle.items.map((i) => i.receiptNumber)).toEqual([2, 3, 4].map((n) => expect.stringMatching(new RegExp(`^\\d{8}-0001-00000${n}$`))));
    for (const i of bundle.items) expect(s.transactionStatus(i.id)).toBe('pending');

    const claimed = s.outbox.claim('transaction', 10).filter((c) => c.kind === 'transaction' && c.id !== before.id);
    expect(claimed.map((c) => c.id)).toEqual(bundle.items.map((i) => i.id));
    claimed.forEach((c, n) => {
      if (c.kind !== 'transaction') throw new Error('kind');
      expect(c.body.service).toBe(ITEMS[n]!.service);
      expect(c.body.data).toEqual({ ...ITEMS[n]!.data, [BUNDLE_ID_KEY]: 'newborn', [BUNDLE_REF_KEY]: bundle.bundleRef });
    });
  });

  it('seals the personal data exactly like a single submit (nothing readable in the file)', () => {
    const s = open();
    s.submitBundle({ bundleId: 'newborn', items: [{ service: 'QR00003001', data: { name: '欧阳娜娜', idNumber: '110101199003070015' } }] });
    s.close();
    const raw = new Database(join(dirs[0]!, DATABASE_FILE), { readonly: true });
    const payloads = raw.prepare('SELECT payload FROM outbox').all() as Array<{ payload: Buffer }>;
    raw.close();
    const text = Buffer.concat(payloads.map((p) => p.payload)).toString('utf8');
    expect(text).not.toContain('欧阳娜娜');
    expect(text).not.toContain('110101199003070015');
  });

  it('a failure injected at the third item (trigger) rolls back every item; seq numbers are not used up', () => {
    const s = open();
    const raw = new Database(join(s.dataDir, DATABASE_FILE));
    raw.exec(`CREATE TRIGGER inject_failure BEFORE INSERT ON transactions WHEN NEW.service = 'BOOM' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    raw.close();
    expect(() => s.submitBundle({ bundleId: 'newborn', items: [...ITEMS.slice(0, 2), { service: 'BOOM', data: { name: '张三' } }] })).toThrow(/injected failure/);
    expect(committedRows(s)).toEqual({ outbox: 0, transactions: 0 });
    expect(s.queueStatus().pending).toBe(0);
    expect(s.outbox.claim('transaction', 10)).toEqual([]);
    // The store keeps working and numbering continues from 1.
    expect(s.submitTransaction({ service: 'XK1', data: {} }).seq).toBe(1);
  });

  it('an invalid item refuses the whole bundle before anything is written', () => {
    const s = open();
    expect(() => s.submitBundle({ bundleId: 'newborn', items: [ITEMS[0]!, { service: '', data: {} }] })).toThrow(TypeError);
    expect(() => s.submitBundle({ bundleId: 'newborn', items: [ITEMS[0]!, { service: 'X', data: { a: 1 as unknown as string } }] })).toThrow(TypeError);
    expect(() => s.submitBundle({ bundleId: '', items: ITEMS })).toThrow(TypeError);
    expect(() => s.submitBundle({ bundleId: 'newborn', items: [] })).toThrow(TypeError);
    expect(() => s.submitBundle({ bundleId: 'newborn', items: Array.from({ length: 21 }, () => ITEMS[0]!) })).toThrow(TypeError);
    expect(committedRows(s)).toEqual({ outbox: 0, transactions: 0 });
  });

  it('disk full in the middle of a bundle: storage-full, no item written, a smaller write still fits', () => {
    const s = open({ maxPageCount: 60 });
    const big = 'x'.repeat(400);
    let i = 0;
    for (;;) {
      try {
        s.submitTransaction({ service: 'XK1', data: { note: big, i: String(i++) } });
      } catch {
        break;
      }
    }
    // Make room for about one item: the bundle's first items fit, the later ones do not.
    const committed = s.queueStatus().pending;
    const raw = new Database(join(s.dataDir, DATABASE_FILE));
    const ids = raw.prepare(`SELECT id FROM outbox ORDER BY seq DESC LIMIT 3`).all() as Array<{ id: string }>;
    for (const { id } of ids) {
      raw.prepare('DELETE FROM transactions WHERE id = ?').run(id);
      raw.prepare('DELETE FROM outbox WHERE id = ?').run(id);
    }
    raw.close();
    const rowsBefore = committedRows(s);
    expect(rowsBefore.outbox).toBe(committed - 3);
    let error: unknown = null;
    try {
      s.submitBundle({ bundleId: 'newborn', items: Array.from({ length: 20 }, (_, n) => ({ service: 'XK1', data: { note: big.repeat(4), n: String(n) } })) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('storage-full');
    expect(committedRows(s)).toEqual(rowsBefore);
    // The first item alone fits: the failure was mid-way and the items before it were rolled back.
    const one = s.submitBundle({ bundleId: 'newborn', items: [{ service: 'XK1', data: { note: big.repeat(4), n: '0' } }] });
    expect(one.items).toHaveLength(1);
    expect(committedRows(s).outbox).toBe(rowsBefore.outbox + 1);
  });
});
