import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyStorageOnDisk } from './key-files';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('keyStorageOnDisk', () => {
  it('names the data key the files show: credential first, then the safeStorage file beside the data dir, then the plain key file', () => {
    root = mkdtempSync(join(tmpdir(), 'key-files-'));
    const dataDir = join(root, 'kiosk-data');
    mkdirSync(dataDir);
    expect(keyStorageOnDisk(dataDir)).toBeNull();
    writeFileSync(join(dataDir, 'data.key'), 'x');
    expect(keyStorageOnDisk(dataDir)).toBe('key-file');
    writeFileSync(join(root, 'data-key.safe'), 'x');
    expect(keyStorageOnDisk(dataDir)).toBe('safe-storage');
    writeFileSync(join(dataDir, 'data-key.cred'), 'x');
    expect(keyStorageOnDisk(dataDir)).toBe('systemd-creds');
  });
});
