import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_BYTES, TestKeyProvider } from './crypto/key-provider';
import { openKioskStore } from './kiosk-store';

describe('key check', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'kiosk-keycheck-'));
    dirs.push(d);
    return d;
  };

  it('refuses to open a store sealed with another key, and changes nothing', () => {
    const dir = dataDir();
    const keyA = new TestKeyProvider(Buffer.alloc(KEY_BYTES, 1));
    const keyB = new TestKeyProvider(Buffer.alloc(KEY_BYTES, 2));
    const store = openKioskStore({ dataDir: dir, deviceId: 'DEV-1', keyProvider: keyA });
    const tx = store.submitTransaction({ service: 'GG00001001', data: { name: '张三' } });
    store.close();

    expect(() => openKioskStore({ dataDir: dir, deviceId: 'DEV-1', keyProvider: keyB })).toThrow(expect.objectContaining({ code: 'storage-key-mismatch' }));

    const again = openKioskStore({ dataDir: dir, deviceId: 'DEV-1', keyProvider: keyA });
    expect(again.transactionStatus(tx.id)).toBe('pending');
    expect(again.queueStatus()).toMatchObject({ pending: 1, needsAttention: 0 });
    again.close();
  });
});
