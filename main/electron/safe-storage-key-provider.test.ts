import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import { SafeStorageKeyProvider } from './safe-storage-key-provider';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'safe-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SafeStorageKeyProvider', () => {
  it('creates a 32-byte key, stores it sealed with mode 0600, and returns the same key later', () => {
    const key = new SafeStorageKeyProvider({ dir }).getKey();
    expect(key).toHaveLength(32);
    const file = join(dir, 'data-key.safe');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).includes(key)).toBe(false);
    expect(readFileSync(file).toString('utf8')).toMatch(/^sealed:/);
    expect(new SafeStorageKeyProvider({ dir }).getKey().equals(key)).toBe(true);
  });

  it('throws when encryption is unavailable', () => {
    fake.safeStorageAvailable = false;
    expect(() => new SafeStorageKeyProvider({ dir }).getKey()).toThrow(/not available/);
  });

  it('never replaces a key it cannot decrypt or of the wrong length', () => {
    writeFileSync(join(dir, 'data-key.safe'), 'garbage');
    expect(() => new SafeStorageKeyProvider({ dir }).getKey()).toThrow(/decrypt/);
    expect(readFileSync(join(dir, 'data-key.safe'), 'utf8')).toBe('garbage');
    writeFileSync(join(dir, 'data-key.safe'), `sealed:${Buffer.from(Buffer.alloc(16).toString('base64')).toString('hex')}`);
    expect(() => new SafeStorageKeyProvider({ dir }).getKey()).toThrow(/16 bytes/);
  });

  it.runIf(process.platform === 'linux')('reports the basic_text backend and refuses it when asked to', () => {
    fake.safeStorageBackend = 'basic_text';
    const seen: string[] = [];
    expect(new SafeStorageKeyProvider({ dir, onWeakBackend: (b) => seen.push(b) }).getKey()).toHaveLength(32);
    expect(seen).toEqual(['basic_text']);
    expect(() => new SafeStorageKeyProvider({ dir, weakBackend: 'refuse' }).getKey()).toThrow(/basic_text/);
  });
});
