import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error';
import { hasTpm2, SystemdCredsKeyProvider } from './systemd-creds-key-provider';

/**
 * The real /usr/bin/systemd-creds. This machine has no TPM, so the host key
 * stands in for it (`--with-key=host`), at a path of the test's own
 * (`SYSTEMD_CREDENTIAL_SECRET`): "another machine" is another host secret.
 * systemd-creds creates the secret on first use (as root, like CI here).
 */
let root: string;
let dir: string;
const machine = (name: string): NodeJS.ProcessEnv => ({ ...process.env, SYSTEMD_CREDENTIAL_SECRET: join(root, `${name}.secret`) });
const provider = (env: NodeJS.ProcessEnv, extra: Partial<ConstructorParameters<typeof SystemdCredsKeyProvider>[0]> = {}) =>
  new SystemdCredsKeyProvider({ dir, withKey: 'host', env, ...extra });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'creds-key-'));
  dir = join(root, 'kiosk-data');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('SystemdCredsKeyProvider with the real systemd-creds', () => {
  it('seals a fresh 32-byte key beside the database (0600, never in the clear) and unseals the same key later', () => {
    const key = provider(machine('a')).getKey();
    expect(key).toHaveLength(32);
    const file = join(dir, 'data-key.cred');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = readFileSync(file);
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.toString('utf8')).not.toContain(key.toString('base64'));
    expect(readdirSync(dir)).toEqual(['data-key.cred']);
    expect(provider(machine('a')).getKey().equals(key)).toBe(true);
  });

  it('a credential copied to another machine does not open there, and is left in place', () => {
    provider(machine('a')).getKey();
    provider(machine('b'), { dir: join(root, 'other') }).getKey(); // machine b has a host secret of its own
    const before = readFileSync(join(dir, 'data-key.cred'));
    expect(() => provider(machine('b')).getKey()).toThrow(/cannot unseal the data key credential/);
    expect(readFileSync(join(dir, 'data-key.cred')).equals(before)).toBe(true);
  });

  it('--with-key=tpm2 without a TPM fails with a clear zh+en error and writes no credential (no fallback)', () => {
    expect(hasTpm2()).toBe(false);
    let error: unknown;
    try {
      provider(machine('a'), { withKey: 'tpm2' }).getKey();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).zh).toMatch(/^无法用 systemd-creds（--with-key=tpm2）封存数据密钥：TPM2 .*TPM 2\.0/);
    expect((error as StartupError).en).toMatch(/^cannot seal the data key with systemd-creds \(--with-key=tpm2\): TPM2 support not installed/);
    expect(existsSync(join(dir, 'data-key.cred'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a corrupted credential is refused and never replaced', () => {
    provider(machine('a')).getKey();
    const file = join(dir, 'data-key.cred');
    const text = readFileSync(file, 'utf8');
    const flipped = `${text.slice(0, 80)}${text[80] === 'A' ? 'B' : 'A'}${text.slice(81)}`;
    writeFileSync(file, flipped);
    expect(() => provider(machine('a')).getKey()).toThrow(/cannot unseal/);
    expect(readFileSync(file, 'utf8')).toBe(flipped);
    writeFileSync(file, 'garbage');
    expect(() => provider(machine('a')).getKey()).toThrow(/cannot unseal/);
    expect(readFileSync(file, 'utf8')).toBe('garbage');
  });

  it('a credential of another name or holding a key of the wrong length is refused', () => {
    const file = join(dir, 'data-key.cred');
    const sealWrong = (name: string, bytes: number) =>
      execFileSync('systemd-creds', ['encrypt', `--name=${name}`, '--with-key=host', '-', '-'], { input: Buffer.alloc(bytes, 1), env: machine('a'), stdio: ['pipe', 'pipe', 'ignore'] });
    mkdirSync(dir);
    writeFileSync(file, sealWrong('someone-else', 32));
    expect(() => provider(machine('a')).getKey()).toThrow(/cannot unseal/);
    rmSync(file);
    writeFileSync(file, sealWrong('kiosk-data-key', 16));
    expect(() => provider(machine('a')).getKey()).toThrow(/holds 16 bytes, expected 32/);
  });

  it('a missing binary is a clear error', () => {
    expect(() => provider(machine('a'), { binary: join(root, 'no-such-systemd-creds') }).getKey()).toThrow(/systemd-creds not found/);
  });
});
