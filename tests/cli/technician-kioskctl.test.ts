import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { issueTechnicianCredential } from '../../common/crypto/technician-credential';
import { writeEnrolment } from '../../offline-cache/crypto/enrolment-file';
import { FileKeyProvider } from '../../offline-cache/crypto/key-provider';
import { openKioskStore, type KeyProvider } from '../../offline-cache/index';
import { tempDir } from '../core/support/temp-dir';
import type { CliIo } from '../../main/cli/cli-types';
import { EXIT_TECHNICIAN_REFUSED, runTechnicianKioskctl } from '../../main/cli/technician-kioskctl';

const provider = cryptoProvider('default');
const platform = provider.generateSigningKeyPair();
const PIN = '482916';
const NOW = new Date('2026-12-08T02:00:00.000Z');

let kiosk: { dir: string; cleanup: () => void };
/** The kiosk's sealed key as the shell would hand it over (here a fixed key, not the development file key). */
let sealed: KeyProvider;

beforeEach(() => {
  kiosk = tempDir('kiosk-ctl-tech-');
  const key = randomBytes(32);
  sealed = { getKey: () => key };
  openKioskStore({ dataDir: kiosk.dir, deviceId: 'KIOSK-7', keyProvider: sealed }).close();
  writeEnrolment(kiosk.dir, { deviceId: 'KIOSK-7', siteId: 'site-7', algorithm: 'ed25519', platformPublicKey: platform.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), platformUrl: 'https://zwfw.example.gov.cn', enrolledAt: NOW.toISOString() });
});
afterEach(() => kiosk.cleanup());

function credentialFile(over: { sites?: string[]; expiresAt?: Date; signer?: typeof platform; role?: 'technician' | 'staff' } = {}): string {
  const token = issueTechnicianCredential(provider, (over.signer ?? platform).privateKey, {
    technicianId: 'tech-042',
    name: '王工',
    sites: over.sites ?? ['site-7'],
    pin: PIN,
    salt: randomBytes(16),
    issuedAt: new Date(NOW.getTime() - 3600_000),
    expiresAt: over.expiresAt ?? new Date(NOW.getTime() + 86_400_000),
    ...(over.role ? { role: over.role } : {}),
  });
  const file = join(kiosk.dir, `cred-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, `${token}\n`);
  return file;
}

async function run(argv: string[], pin = PIN) {
  let out = '';
  let err = '';
  const prompts: string[] = [];
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stopSignal: new Promise(() => undefined) };
  const status = await runTechnicianKioskctl(argv, io, { dataDir: kiosk.dir, keys: sealed, readSecret: async (p) => (prompts.push(p), pin), now: () => NOW });
  return { status, out, err, prompts };
}

function auditActions(): Array<{ action: string; detail: string }> {
  const raw = new Database(join(kiosk.dir, 'kiosk.db'), { readonly: true });
  try {
    return raw.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as Array<{ action: string; detail: string }>;
  } finally {
    raw.close();
  }
}

describe('kioskctl as an entry of the packaged app', () => {
  it('checks the technician offline, then runs the command with the sealed key; both audited with the technician id, never the PIN', async () => {
    const r = await run(['--credential', credentialFile(), 'queue', 'status', '--data-dir', kiosk.dir, '--json']);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ pending: 0 });
    expect(r.prompts).toEqual(['技术人员 PIN / technician PIN: ']);
    const audit = auditActions().filter((a) => a.action.startsWith('kioskctl.'));
    expect(audit.map((a) => a.action)).toEqual(['kioskctl.unlock', 'kioskctl.command', 'kioskctl.command-done']);
    expect(audit[2]!.detail).toContain('"exit":0');
    for (const a of audit) expect(a.detail).toContain('tech-042');
    expect(JSON.stringify(audit)).not.toContain(PIN);
  });

  it('the development file key cannot stand in for the sealed one: the command cannot open the store', async () => {
    const status = await runTechnicianKioskctl(['--credential', credentialFile(), 'queue', 'status', '--data-dir', kiosk.dir], { stdout: () => undefined, stderr: () => undefined, stopSignal: new Promise(() => undefined) }, { dataDir: kiosk.dir, keys: new FileKeyProvider(kiosk.dir), readSecret: async () => PIN, now: () => NOW }).catch((e: Error) => e);
    expect(status).toBeInstanceOf(Error);
  });

  it.each([
    ['a wrong PIN', () => credentialFile(), '000000', /PIN 不对 \/ wrong PIN（还可试 4 次/, 'pin-wrong'],
    ['another site', () => credentialFile({ sites: ['site-other'] }), PIN, /不适用于本站点/, 'other-site'],
    ['an expired credential', () => credentialFile({ expiresAt: new Date(NOW.getTime() - 1000) }), PIN, /已过期/, 'expired'],
    ['a credential not signed by the platform', () => credentialFile({ signer: provider.generateSigningKeyPair() }), PIN, /不是平台签发的/, 'signature-invalid'],
    ['a partner site staff credential (kioskctl is the technician tool)', () => credentialFile({ role: 'staff' }), PIN, /工作人员凭证不能使用 kioskctl/, 'staff-role'],
  ])('refuses %s: exit 7, one line in Chinese and English, the command never runs, the refusal audited', async (_label, file, pin, text, reason) => {
    const r = await run(['--credential', file(), 'queue', 'status', '--data-dir', kiosk.dir, '--json'], pin);
    expect(r.status).toBe(EXIT_TECHNICIAN_REFUSED);
    expect(r.out).toBe('');
    expect(r.err).toMatch(text);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    const audit = auditActions().filter((a) => a.action.startsWith('kioskctl.'));
    expect(audit.map((a) => a.action).filter((a) => a !== 'kioskctl.unlock')).toEqual(['kioskctl.unlock-refused']);
    expect(audit.find((a) => a.action === 'kioskctl.unlock-refused')!.detail).toContain(reason);
    expect(audit.map((a) => a.action)).not.toContain('kioskctl.command');
  });

  it('five wrong PINs lock it, and the lock holds for the right PIN too (the screen shares it)', async () => {
    const file = credentialFile();
    for (let i = 0; i < 5; i++) expect((await run(['--credential', file, 'status', '--data-dir', kiosk.dir], '111111')).status).toBe(EXIT_TECHNICIAN_REFUSED);
    const locked = await run(['--credential', file, 'status', '--data-dir', kiosk.dir]);
    expect(locked.status).toBe(EXIT_TECHNICIAN_REFUSED);
    expect(locked.err).toMatch(/已锁定 \/ locked after repeated failures（至 2026-12-08T02:01:00.000Z/);
    expect(auditActions().map((a) => a.action)).toContain('technician.lockout');
  });

  it('needs --credential (exit 2) but not for --help; a terminal that is not enrolled lets nobody in', async () => {
    expect(await run(['queue', 'status', '--data-dir', kiosk.dir])).toMatchObject({ status: 2, err: expect.stringMatching(/--credential FILE/) });
    expect(await run(['queue', '--help'])).toMatchObject({ status: 0, out: expect.stringMatching(/queue status/) });
    expect(await run(['--credential', join(kiosk.dir, 'missing.txt'), 'status'])).toMatchObject({ status: 2, err: expect.stringMatching(/ENOENT/) });
    const file = credentialFile();
    rmSync(join(kiosk.dir, 'enrolment.json'));
    expect(await run(['--credential', file, 'status', '--data-dir', kiosk.dir])).toMatchObject({ status: EXIT_TECHNICIAN_REFUSED, err: expect.stringMatching(/尚未开通/) });
  });
});
