import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spoolInstaller, type Installer } from '../../main/electron/update/installer-client';
import { fileSha512, signUpdate } from '../../main/electron/update/update-signature';
import { buildKioskDeb, installerPaths, runInstallerOnce, startInstaller, type InstallerPaths } from './support/kiosk-deb';

/**
 * The root-side installer as a real child process against temp directories
 * standing in for /opt/gov-kiosk, the spool and its state: real .deb files
 * (dpkg-deb), real signatures, the A/B slots and the atomic `current` switch.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-installer-'));
const release = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
let paths: InstallerPaths;
let installer: ReturnType<typeof startInstaller>;
let client: Installer;

beforeAll(() => {
  paths = installerPaths(dir, release.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  installer = startInstaller(paths);
  client = spoolInstaller({ spool: paths.spool, timeoutMs: 20_000, pollMs: 20 });
});
afterAll(async () => {
  await installer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function signed(version: string, options: { key?: typeof release.privateKey; name?: string; payload?: string } = {}) {
  const file = buildKioskDeb(dir, version, options);
  const sha512 = await fileSha512(file);
  return { file, version, sha512, signature: signUpdate(sha512, options.key ?? release.privateKey), healthDeadlineMs: 600_000 };
}

const current = () => readlinkSync(join(paths.root, 'current'));
const installedVersion = () => readFileSync(join(paths.root, 'current/usr/lib/gov-kiosk/version'), 'utf8').trim();
/** Every file under the install root with its mtime: a refused request must leave this unchanged. */
function snapshot(): string {
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      lines.push(`${p} ${st?.mtimeMs ?? 'link'}`);
      if (st?.isDirectory() && name !== 'current') walk(p);
    }
  };
  walk(paths.root);
  return `${current()}\n${lines.join('\n')}`;
}

describe('root-side installer (real child process, A/B slots)', () => {
  it('installs a signed .deb into the inactive slot and switches current atomically; the previous slot is kept', async () => {
    const first = await client.install(await signed('1.0.0'));
    expect(first).toMatchObject({ ok: true, action: 'install', version: '1.0.0', slot: 'a' });
    expect(current()).toBe('a');
    expect(installedVersion()).toBe('1.0.0');

    const second = await client.install(await signed('1.1.0'));
    expect(second).toMatchObject({ ok: true, version: '1.1.0', slot: 'b' });
    expect(current()).toBe('b');
    expect(installedVersion()).toBe('1.1.0');
    expect(readFileSync(join(paths.root, 'a/usr/lib/gov-kiosk/version'), 'utf8').trim()).toBe('1.0.0');
    expect(second.switchMs).toBeLessThan(50);
    console.info(`slot switch ${second.switchMs!.toFixed(2)} ms; whole install ${second.durationMs} ms`);
    // The spool holds nothing afterwards.
    expect(readdirSync(join(paths.spool, 'incoming'))).toEqual([]);
  });

  it('refuses unsigned, tampered, other-key, wrong-package and mislabelled artifacts with the slots untouched', async () => {
    await client.confirm('1.1.0');
    const before = snapshot();
    const unsigned = await signed('1.2.0');
    expect(await client.install({ ...unsigned, signature: '' })).toMatchObject({ ok: false, reason: 'unsigned' });

    const tampered = await signed('1.2.0', { payload: 'tampered later' });
    writeFileSync(tampered.file, Buffer.concat([readFileSync(tampered.file), Buffer.from('evil')]));
    expect(await client.install(tampered)).toMatchObject({ ok: false, reason: 'digest-mismatch' });

    // A tamperer who also fixes the stated sha512 has no valid signature for it.
    const resigned = { ...tampered, sha512: await fileSha512(tampered.file) };
    expect(await client.install(resigned)).toMatchObject({ ok: false, reason: 'bad-signature' });

    expect(await client.install(await signed('1.2.0', { key: other.privateKey }))).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await client.install(await signed('1.2.0', { name: 'not-the-kiosk' }))).toMatchObject({ ok: false, reason: 'wrong-package' });
    expect(await client.install({ ...(await signed('1.2.0')), version: '1.3.0' })).toMatchObject({ ok: false, reason: 'version-mismatch' });
    expect(await client.install({ ...(await signed('1.2.0')), version: '../../etc' })).toMatchObject({ ok: false, reason: 'bad-version' });

    expect(snapshot()).toBe(before);
    expect(installedVersion()).toBe('1.1.0');
    expect(readdirSync(join(paths.spool, 'incoming'))).toEqual([]);
  });

  it('a rollback request switches current back to the kept slot', async () => {
    await client.install(await signed('1.2.0'));
    expect(current()).toBe('a');
    const back = await client.rollback('health-check-failed');
    expect(back).toMatchObject({ ok: true, version: '1.1.0', slot: 'b' });
    expect(installedVersion()).toBe('1.1.0');
    expect(await client.rollback('again')).toMatchObject({ ok: false, reason: 'nothing-pending' });
  });

  it('rolls back on its own when the health deadline passes unconfirmed, and never after a confirm', async () => {
    const unconfirmed = await client.install({ ...(await signed('1.3.0')), healthDeadlineMs: 400 });
    expect(unconfirmed).toMatchObject({ ok: true, slot: 'a' });
    const t0 = Date.now();
    const autoResults = () => readdirSync(join(paths.spool, 'results')).filter((n) => n.startsWith('auto-rollback-') && n.endsWith('.json'));
    while (autoResults().length === 0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 25));
    expect(current()).toBe('b');
    expect(installedVersion()).toBe('1.1.0');
    const auto = autoResults();
    expect(auto, installer.output()).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(paths.spool, 'results', auto[0]!), 'utf8'))).toMatchObject({ ok: true, reason: 'health-deadline', version: '1.1.0', from: '1.3.0' });

    await client.install({ ...(await signed('1.3.0')), healthDeadlineMs: 400 });
    expect(await client.confirm('1.3.0')).toMatchObject({ ok: true, version: '1.3.0' });
    await new Promise((r) => setTimeout(r, 800));
    expect(installedVersion()).toBe('1.3.0');
  });

  it('--rollback-pending (gov-kiosk.service OnFailure) switches back; --once with nothing to do changes nothing', async () => {
    await client.install(await signed('1.4.0'));
    expect(installedVersion()).toBe('1.4.0');
    const r = await runInstallerOnce(paths, '--rollback-pending');
    expect(r.code).toBe(0);
    expect(installedVersion()).toBe('1.3.0');
    const before = snapshot();
    expect((await runInstallerOnce(paths, '--once')).code).toBe(0);
    expect(snapshot()).toBe(before);
    expect(existsSync(join(paths.state, 'pending.json'))).toBe(false);
  });
});
