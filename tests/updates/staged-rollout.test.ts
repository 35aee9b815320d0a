import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UUID } from 'builder-util-runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyUpdatePolicy } from '../../main/electron/updater';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { publishRelease } from './feed-publisher';
import { linuxTerminal } from './node-updater';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/**
 * Who is offered an update, against platform-sim's real feed over HTTP with
 * electron-updater's own classes: the staged roll-out over 200 terminals
 * (each its own user data dir, so its own `.updaterId` created by
 * electron-updater), and prereleases on the stable channel.
 */
let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-staging-'));
const updatesDir = join(root, 'feed');
const release = generateKeyPairSync('ed25519');

beforeAll(async () => {
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), updatesDir, quiet: true });
});
afterAll(async () => {
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Terminal `i` (its directory persists across calls: a re-check is the same terminal after a restart). */
function terminal(i: number, version = '1.1.0', channel = 'latest') {
  const { updater } = linuxTerminal({ feedUrl: `${sim.url}/updates/${channel}/`, dir: join(root, `terminal-${channel}-${i}`), version });
  // As configureUpdater does with the configured feed: the channel names the channel file (`beta-linux.yml`).
  updater.setFeedURL({ provider: 'generic', url: `${sim.url}/updates/${channel}/`, channel });
  applyUpdatePolicy(updater, channel);
  updater.autoDownload = false;
  return updater;
}

/** Which of terminals 0..n-1 are offered the feed's version. */
async function offered(n: number): Promise<boolean[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => (await terminal(i).checkForUpdates())?.isUpdateAvailable === true));
}

/** electron-updater's rule (AppUpdater.isStagingMatch) applied to a terminal's own `.updaterId`. */
function withinRollout(i: number, percentage: number): boolean {
  const id = readFileSync(join(root, `terminal-latest-${i}`, '.updaterId'), 'utf8');
  return UUID.parse(id).readUInt32BE(12) / 0xffffffff < percentage / 100;
}

describe('staged roll-out through electron-updater and platform-sim', () => {
  it('at 30 %, about 60 of 200 terminals are offered 1.2.0, exactly those whose own staging id falls under 30 %, and each keeps its answer', async () => {
    publishRelease({ updatesDir, version: '1.2.0', staging: 30, signer: release.privateKey });
    const first = await offered(200);
    const count = first.filter(Boolean).length;
    console.log(`staged roll-out at 30 %: ${count} of 200 terminals offered 1.2.0`);
    expect(count).toBeGreaterThanOrEqual(40);
    expect(count).toBeLessThanOrEqual(80);
    expect(first).toEqual(first.map((_, i) => withinRollout(i, 30)));
    // Re-check (the same terminals, new updater instances over the same user data): the same answer for every one.
    expect(await offered(200)).toEqual(first);
  }, 60_000);

  it('at 0 %, no terminal; at 100 %, every terminal', async () => {
    publishRelease({ updatesDir, version: '1.2.0', staging: 0, signer: release.privateKey });
    expect((await offered(200)).filter(Boolean).length).toBe(0);
    publishRelease({ updatesDir, version: '1.2.0', staging: 100, signer: release.privateKey });
    expect((await offered(200)).filter(Boolean).length).toBe(200);
  }, 60_000);

  it('a prerelease named on the stable channel is never offered (allowPrerelease false); a lower version neither', async () => {
    publishRelease({ updatesDir, version: '1.3.0-beta.1', signer: release.privateKey });
    const u = terminal(0, '1.2.0');
    const result = await u.checkForUpdates();
    expect(result?.updateInfo.version).toBe('1.3.0-beta.1');
    expect(result?.isUpdateAvailable).toBe(false);
    expect(u.allowPrerelease).toBe(false);
    publishRelease({ updatesDir, version: '1.0.0', signer: release.privateKey });
    expect((await terminal(0, '1.2.0').checkForUpdates())?.isUpdateAvailable).toBe(false);
  });

  it('a test site on its own channel (beta) may take the prerelease its channel names', async () => {
    publishRelease({ updatesDir, channel: 'beta', version: '1.3.0-beta.1', signer: release.privateKey });
    expect((await terminal(0, '1.2.0', 'beta').checkForUpdates())?.isUpdateAvailable).toBe(true);
  });
});
