import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskStore } from '../../offline-cache/index';
import { tempDir } from './support/temp-dir';

const ID_NUMBER = '11010519491231002X';
const NAME = '王小明';
const ADDRESS = '北京市东城区景山前街4号';

let cleanup = () => {};
afterEach(() => cleanup());

/** Every file of the store (db, -wal, -shm, quarantined copies). */
function storeFiles(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('kiosk.db'))
    .map((f) => readFileSync(join(dir, f)));
}

function contains(files: Buffer[], text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return files.some((f) => needles.some((n) => f.includes(n)));
}

describe('personal data at rest', () => {
  it('never appears in the raw database or WAL files, before or after delivery', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-enc' });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(store.submitTransaction({ service: 'XK00001001', data: { name: NAME, idNumber: ID_NUMBER, address: ADDRESS } }).id);
    store.enqueueRating({ transactionId: ids[0]!, service: 'XK00001001', level: 'dissatisfied', reason: `${NAME} 排队太久` });
    store.printJobs.create({ transactionId: ids[0]!, document: { name: NAME, idNumber: ID_NUMBER } });
    // While open the WAL holds the recent pages: check it before any checkpoint.
    const whileOpen = storeFiles(t.dir);
    expect(whileOpen.length).toBeGreaterThanOrEqual(2);
    expect(contains(whileOpen, ID_NUMBER)).toBe(false);
    expect(contains(whileOpen, NAME)).toBe(false);
    expect(contains(whileOpen, ADDRESS)).toBe(false);
    // Control: the service code (not personal) is stored in clear, so the grep works.
    expect(contains(whileOpen, 'XK00001001')).toBe(true);

    const claimed = store.outbox.claim('transaction', 100);
    expect(claimed[0]!.kind === 'transaction' && claimed[0]!.body.data.idNumber).toBe(ID_NUMBER);
    store.outbox.complete(claimed.map((c) => ({ id: c.id, status: 'accepted' as const })));
    store.close();
    const after = storeFiles(t.dir);
    expect(contains(after, ID_NUMBER)).toBe(false);
    expect(contains(after, NAME)).toBe(false);
  });

  it('deletes the sealed personal payload once the platform acknowledged', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const store = openKioskStore({ dataDir: t.dir, deviceId: 'kiosk-enc' });
    const a = store.submitTransaction({ service: 'XK00001001', data: { name: NAME } });
    const b = store.submitTransaction({ service: 'XK00001001', data: { name: NAME } });
    const claimed = store.outbox.claim('transaction', 10);
    store.outbox.complete([{ id: claimed[0]!.id, status: 'accepted' }]);
    store.outbox.release([b.id]);
    store.close();
    const raw = new Database(join(t.dir, 'kiosk.db'), { readonly: true });
    const rows = raw.prepare('SELECT id, payload IS NULL AS purged FROM outbox ORDER BY seq').all();
    const tx = raw.prepare('SELECT id, seq, service FROM transactions ORDER BY seq').all();
    raw.close();
    expect(rows).toEqual([
      { id: a.id, purged: 1 },
      { id: b.id, purged: 0 },
    ]);
    expect(tx).toEqual([
      { id: a.id, seq: 1, service: 'XK00001001' },
      { id: b.id, seq: 2, service: 'XK00001001' },
    ]);
  });
});
