import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { DEVICE_KEY_FILE, loadOrCreateDeviceKey } from './device-key';
import { TestKeyProvider } from './key-provider';

const sealer = cryptoProvider('default');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'device-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each(['default', 'sm'] as const)('device key (%s provider)', (name) => {
  const provider = cryptoProvider(name);

  it('is made once, sealed at rest (0600, no PKCS#8 in the clear), and the same key on every start', () => {
    const dir = tempDir();
    const a = loadOrCreateDeviceKey(dir, new TestKeyProvider(), provider, sealer);
    const b = loadOrCreateDeviceKey(dir, new TestKeyProvider(), provider, sealer);
    expect(b.publicKey.export({ type: 'spki', format: 'der' }).equals(a.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    const data = Buffer.from('x');
    expect(provider.verify(a.publicKey, data, provider.sign(b.privateKey, data))).toBe(true);
    const path = join(dir, DEVICE_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = readFileSync(path);
    const der = a.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(file.includes(der)).toBe(false);
    expect(file.toString('utf8').includes(der.toString('base64'))).toBe(false);
  });

  it('does not open with another installation data key', () => {
    const dir = tempDir();
    loadOrCreateDeviceKey(dir, new TestKeyProvider(), provider, sealer);
    expect(() => loadOrCreateDeviceKey(dir, new TestKeyProvider(Buffer.alloc(32, 9)), provider, sealer)).toThrow(/authenticate/);
  });
});

it('refuses a key file of another algorithm than the configured provider', () => {
  const dir = tempDir();
  loadOrCreateDeviceKey(dir, new TestKeyProvider(), cryptoProvider('default'), sealer);
  expect(() => loadOrCreateDeviceKey(dir, new TestKeyProvider(), cryptoProvider('sm'), sealer)).toThrow(/holds a ed25519 key/);
});
