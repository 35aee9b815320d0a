import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '../../tests/contract/fake-electron';
import type { KioskConfig } from '../core/config';
import { chooseKeyStorage, KeyStorageRefusedError, type KeyStorageChoiceOptions } from './key-storage-choice';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

/**
 * The provider matrix. Stand-ins: the fake Electron's safeStorage (its
 * backend set per case) and, for a terminal with a TPM, a `systemd-creds`
 * wrapper that runs the REAL /usr/bin/systemd-creds with the host key in
 * place of the TPM (this machine has none); without the wrapper the real
 * binary answers, with no TPM. The host key is a file of the test's own
 * (`SYSTEMD_CREDENTIAL_SECRET`).
 */
let root: string;
let userDataDir: string;
let dataDir: string;
let lines: string[];
let tpmStandIn: string;
let env: NodeJS.ProcessEnv;

const security = (over: Partial<KioskConfig['security']> = {}): KioskConfig['security'] => ({ keyStorage: 'auto', systemdCredsKey: 'tpm2', tpm2Device: null, acceptWeakKeyStorage: false, ...over });
const choose = (over: Partial<KeyStorageChoiceOptions> & { sec?: Partial<KioskConfig['security']>; tpm?: boolean } = {}) => {
  const { sec, tpm, ...rest } = over;
  return chooseKeyStorage({
    platform: 'linux',
    isPackaged: true,
    security: security(sec),
    userDataDir,
    dataDir,
    log: (l) => lines.push(l),
    systemdCreds: { env, ...(tpm ? { binary: tpmStandIn } : {}) },
    ...rest,
  });
};
const refusal = (fn: () => unknown): KeyStorageRefusedError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof KeyStorageRefusedError) return e;
    throw e;
  }
  throw new Error('expected a KeyStorageRefusedError');
};

beforeEach(() => {
  resetFakeElectron();
  root = mkdtempSync(join(tmpdir(), 'key-choice-'));
  userDataDir = join(root, 'userData');
  dataDir = join(root, 'userData', 'kiosk-data');
  mkdirSync(dataDir, { recursive: true });
  lines = [];
  env = { ...process.env, SYSTEMD_CREDENTIAL_SECRET: join(root, 'host.secret') };
  tpmStandIn = join(root, 'systemd-creds');
  writeFileSync(
    tpmStandIn,
    `#!/bin/sh
# Stand-in for a terminal with a TPM 2.0: the real systemd-creds, the host key in place of the TPM.
if [ "$1" = has-tpm2 ]; then exit 0; fi
for a; do
  shift
  case "$a" in --with-key=tpm2|--with-key=host+tpm2|--with-key=auto) set -- "$@" --with-key=host ;; *) set -- "$@" "$a" ;; esac
done
exec /usr/bin/systemd-creds "$@"
`,
  );
  chmodSync(tpmStandIn, 0o755);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('chooseKeyStorage: the provider matrix', () => {
  it('win32 → safeStorage (DPAPI): dpapi', () => {
    const c = choose({ platform: 'win32' });
    expect(c).toMatchObject({ protection: 'dpapi', provider: 'safe-storage' });
    expect(c.key).toHaveLength(32);
    expect(existsSync(join(userDataDir, 'data-key.safe'))).toBe(true);
    expect(lines).toEqual(['data key protection: dpapi (safe-storage)']);
  });

  it('win32 without DPAPI, or systemd-creds configured on Windows, is refused', () => {
    fake.safeStorageAvailable = false;
    expect(refusal(() => choose({ platform: 'win32' })).en).toMatch(/is not available \(safeStorage, DPAPI\)/);
    fake.safeStorageAvailable = true;
    expect(refusal(() => choose({ platform: 'win32', sec: { keyStorage: 'systemd-creds' } })).zh).toMatch(/只在 Linux 上可用/);
  });

  it.each(['gnome_libsecret', 'kwallet5'])('linux, no TPM, safeStorage on %s → keyring', (backend) => {
    fake.safeStorageBackend = backend;
    const c = choose();
    expect(c).toMatchObject({ protection: 'keyring', provider: 'safe-storage' });
    expect(choose().key.equals(c.key)).toBe(true);
    expect(existsSync(join(dataDir, 'data-key.cred'))).toBe(false);
  });

  it('linux basic_text in a packaged build is refused in zh+en, and no key is written', () => {
    fake.safeStorageBackend = 'basic_text';
    const e = refusal(() => choose());
    expect(e.zh).toMatch(/^数据密钥保护不足（safeStorage 没有密钥环.*security\.acceptWeakKeyStorage: true/);
    expect(e.en).toMatch(/^data key protection is weak \(safeStorage has no keyring; basic_text is a fixed, public password\); a packaged build refuses it/);
    expect(existsSync(join(userDataDir, 'data-key.safe'))).toBe(false);
  });

  it('linux basic_text accepted by the site configuration: basic_text-accepted, with a warning', () => {
    fake.safeStorageBackend = 'basic_text';
    expect(choose({ sec: { acceptWeakKeyStorage: true } }).protection).toBe('basic_text-accepted');
    expect(lines[0]).toMatch(/^WARNING: data key protection is weak .*accepted by security\.acceptWeakKeyStorage$/);
  });

  it('linux basic_text in development: accepted with a warning', () => {
    fake.safeStorageBackend = 'basic_text';
    expect(choose({ isPackaged: false }).protection).toBe('basic_text-accepted');
    expect(lines[0]).toMatch(/^WARNING: .*accepted in development$/);
  });

  it('linux safeStorage with an unknown backend is refused', () => {
    fake.safeStorageBackend = 'unknown';
    expect(refusal(() => choose()).en).toMatch(/backend is unknown, not a known keyring/);
  });

  it('linux, systemd-creds configured, TPM stand-in → tpm2: the credential beside the database, the same key next start', () => {
    const c = choose({ sec: { keyStorage: 'systemd-creds' }, tpm: true });
    expect(c).toMatchObject({ protection: 'tpm2', provider: 'systemd-creds' });
    expect(readdirSync(dataDir)).toEqual(['data-key.cred']);
    expect(existsSync(join(userDataDir, 'data-key.safe'))).toBe(false);
    expect(choose({ sec: { keyStorage: 'systemd-creds' }, tpm: true }).key.equals(c.key)).toBe(true);
  });

  it('linux auto on a fresh terminal with a TPM → systemd-creds (tpm2); a keyring is not needed', () => {
    fake.safeStorageBackend = 'basic_text';
    expect(choose({ tpm: true })).toMatchObject({ protection: 'tpm2', provider: 'systemd-creds' });
  });

  it('linux auto keeps the key already there: a safeStorage key stays even when a TPM appears', () => {
    const first = choose();
    expect(first.protection).toBe('keyring');
    const again = choose({ tpm: true });
    expect(again).toMatchObject({ protection: 'keyring', provider: 'safe-storage' });
    expect(again.key.equals(first.key)).toBe(true);
    expect(existsSync(join(dataDir, 'data-key.cred'))).toBe(false);
  });

  it('linux, systemd-creds configured with --with-key=tpm2 and no TPM: refused with the reason, never a fallback', () => {
    const e = refusal(() => choose({ sec: { keyStorage: 'systemd-creds' } }));
    expect(e.zh).toMatch(/^无法用 systemd-creds（--with-key=tpm2）封存数据密钥：TPM2 support not installed/);
    expect(e.en).toMatch(/TPM2 support not installed/);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(join(userDataDir, 'data-key.safe'))).toBe(false);
  });

  it('linux, systemd-creds --with-key=auto without a TPM is the host key only: refused packaged, host-key-accepted in development', () => {
    expect(refusal(() => choose({ sec: { keyStorage: 'systemd-creds', systemdCredsKey: 'auto' } })).en).toMatch(/systemd-creds without a TPM uses the host key only/);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(choose({ isPackaged: false, sec: { keyStorage: 'systemd-creds', systemdCredsKey: 'auto' } }).protection).toBe('host-key-accepted');
  });

  it('an explicit choice that would leave the other provider\u2019s key behind is refused', () => {
    choose({ sec: { keyStorage: 'systemd-creds' }, tpm: true });
    expect(refusal(() => choose({ sec: { keyStorage: 'safe-storage' } })).en).toMatch(/already kept another way in .*data-key\.cred/);
    expect(existsSync(join(userDataDir, 'data-key.safe'))).toBe(false);
  });

  it('a credential from another machine is refused, not replaced', () => {
    choose({ sec: { keyStorage: 'systemd-creds' }, tpm: true });
    env = { ...process.env, SYSTEMD_CREDENTIAL_SECRET: join(root, 'other-machine.secret') };
    choose({ dataDir: join(root, 'other'), sec: { keyStorage: 'systemd-creds' }, tpm: true });
    expect(refusal(() => choose({ sec: { keyStorage: 'systemd-creds' }, tpm: true })).en).toMatch(/^cannot unseal the data key credential/);
  });
});
