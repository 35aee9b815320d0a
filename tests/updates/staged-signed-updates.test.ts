import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkDownloadedUpdate, fileSha512, signUpdate } from '../../main/electron/update/update-signature';
import { applyUpdatePolicy, configureUpdater } from '../../main/electron/updater';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { nodeUpdater } from './node-updater';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/**
 * The update matrix against platform-sim's feed (`/updates/...`), with
 * electron-updater's own classes in plain Node: staged roll-out over 200
 * terminals, prereleases never offered, signed / unsigned / tampered
 * artifacts, and a lower version never taken.
 */
let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-updates-'));
const updatesDir = join(root, 'platform', 'updates');
const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();

beforeAll(async () => {
  mkdirSync(updatesDir, { recursive: true });
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), quiet: true });
});
afterAll(async () => {
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Publishes `version` with an artifact of `bytes`; the feed states `feedBytes`' sha512 (tampering when they differ) and a signature unless unsigned. */
async function publish(version: string, options: { bytes?: string; feedBytes?: string; staging?: number; signed?: boolean } = {}): Promise<void> {
  const name = `kiosk_${version}_amd64.deb`;
  const feedFile = join(root, `feed-${version}`);
  writeFileSync(feedFile, options.feedBytes ?? options.bytes ?? `package ${version}`);
  const sha512 = await fileSha512(feedFile);
  writeFileSync(join(updatesDir, name), options.bytes ?? `package ${version}`);
  const signature = options.signed === false ? '' : `    kioskSignature: ${signUpdate(sha512, release.privateKey)}\n`;
  writeFileSync(
    join(updatesDir, 'latest-linux.yml'),
    `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${Buffer.byteLength(options.bytes ?? `package ${version}`)}\n${signature}path: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n${options.staging === undefined ? '' : `stagingPercentage: ${options.staging}\n`}`,
  );
}

let terminal = 0;
function updaterFor(version = '1.1.0', updaterId: string = randomUUID()) {
  const u = nodeUpdater({ feedUrl: `${sim.url}/updates/`, dir: join(root, `terminal-${terminal++}`), version, updaterId });
  applyUpdatePolicy(u);
  u.autoDownload = false;
  return u;
}

describe('updates from platform-sim through electron-updater', () => {
  it('staged roll-out: at 30 %, about 30 % of 200 terminals are offered the update; at 100 %, all', async () => {
    await publish('1.2.0', { staging: 30 });
    // Fixed staging ids (deterministic) spread over the id space.
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${(Math.floor((i * 0xffffffff) / 200) >>> 0).toString(16).padStart(12, '0')}`);
    const offered = (await Promise.all(ids.map(async (id) => (await updaterFor('1.1.0', id).checkForUpdates())?.isUpdateAvailable === true))).filter(Boolean).length;
    console.log(`staged roll-out at 30 %: ${offered} of 200 terminals offered 1.2.0`);
    expect(offered).toBeGreaterThanOrEqual(50);
    expect(offered).toBeLessThanOrEqual(70);
    await publish('1.2.0', { staging: 100 });
    const all = (await Promise.all(ids.slice(0, 20).map(async (id) => (await updaterFor('1.1.0', id).checkForUpdates())?.isUpdateAvailable === true))).filter(Boolean).length;
    expect(all).toBe(20);
  }, 60_000);

  it('a prerelease is never offered to a stable terminal; a lower version is never taken', async () => {
    await publish('1.3.0-beta.1');
    expect((await updaterFor('1.2.0').checkForUpdates())?.isUpdateAvailable).toBe(false);
    await publish('1.0.0');
    expect((await updaterFor('1.2.0').checkForUpdates())?.isUpdateAvailable).toBe(false);
  });

  it('signed: downloaded, verified, installed once idle (configureUpdater on the real DebUpdater)', async () => {
    await publish('1.4.0');
    const u = updaterFor('1.1.0');
    const installs: unknown[][] = [];
    (u as unknown as { quitAndInstall: (...a: unknown[]) => void }).quitAndInstall = (...a: unknown[]) => installs.push(a);
    const lines: string[] = [];
    const stop = configureUpdater(u, { isIdle: () => true, idlePollMs: 20, log: (l) => lines.push(l), publicKeyPem });
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setInterval(() => installs.length > 0 && (clearInterval(t), resolve()), 20);
        setTimeout(() => (clearInterval(t), reject(new Error(`not installed: ${lines.join(' | ')}`))), 15_000);
      });
    } finally {
      stop();
    }
    expect(lines).toContain('update 1.4.0 downloaded and verified; installing when idle');
    expect(installs[0]).toEqual([true, true]);
  }, 30_000);

  it('unsigned: downloaded but refused, never installed', async () => {
    await publish('1.5.0', { signed: false });
    const u = updaterFor('1.1.0');
    const result = await u.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    const [file] = (await u.downloadUpdate()) as string[];
    const info = result!.updateInfo;
    expect(await checkDownloadedUpdate({ file: file!, sha512: info.files[0]!.sha512, signature: (info.files[0] as { kioskSignature?: string }).kioskSignature }, publicKeyPem)).toBe('unsigned');
  }, 30_000);

  it('tampered on the server (bytes differ from the signed sha512): electron-updater refuses the download itself', async () => {
    await publish('1.6.0', { feedBytes: 'package 1.6.0', bytes: 'package 1.6.0 with a backdoor' });
    const u = updaterFor('1.1.0');
    await u.checkForUpdates();
    await expect(u.downloadUpdate()).rejects.toThrow(/sha512 checksum mismatch/);
  }, 30_000);
});
