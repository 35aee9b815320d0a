import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeInstallsToInstaller } from '../../main/electron/update/no-pkexec-install';
import { fileSha512 } from '../../main/electron/update/update-signature';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { debTerminal } from './node-updater';
import { buildKioskDeb } from './support/kiosk-deb';

/**
 * electron-updater's DebUpdater would install with `pkexec dpkg -i` (a
 * password prompt on screen). With routeInstallsToInstaller, quitAndInstall
 * hands the file over and runs none of pkexec, sudo, dpkg or apt: stand-ins
 * for them first on PATH record any call.
 */
const root = mkdtempSync(join(tmpdir(), 'kiosk-nopkexec-'));
const bin = join(root, 'bin');
const marker = join(root, 'called');
let sim: PlatformSim;
const originalPath = process.env.PATH;

beforeAll(async () => {
  mkdirSync(bin);
  for (const tool of ['pkexec', 'sudo', 'dpkg', 'apt', 'apt-get', 'gksudo', 'kdesudo']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${marker}"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  process.env.PATH = `${bin}:${originalPath ?? ''}`;
  const updates = join(root, 'platform', 'updates', 'latest');
  mkdirSync(updates, { recursive: true });
  const deb = buildKioskDeb(root, '2.0.0');
  const sha512 = await fileSha512(deb);
  writeFileSync(join(updates, 'gov-kiosk_2.0.0_all.deb'), readFileSync(deb));
  writeFileSync(join(updates, 'latest-linux.yml'), `version: 2.0.0\nfiles:\n  - url: gov-kiosk_2.0.0_all.deb\n    sha512: ${sha512}\npath: gov-kiosk_2.0.0_all.deb\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`);
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), quiet: true });
});
afterAll(async () => {
  process.env.PATH = originalPath;
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('no password prompt on screen', () => {
  it('as shipped, DebUpdater runs the (stand-in) pkexec/sudo + dpkg: the stand-ins would catch it', async () => {
    const u = debTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir: join(root, 'plain'), version: '1.0.0' });
    u.autoDownload = false;
    await u.checkForUpdates();
    await u.downloadUpdate();
    u.on('error', () => undefined);
    // install() is what quitAndInstall calls before quitting the app (the quit step needs Electron itself).
    expect((u as unknown as { install: (silent: boolean, runAfter: boolean) => boolean }).install(true, false)).toBe(true);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker, { force: true });
  }, 30_000);

  it('routed: quitAndInstall hands the downloaded .deb to the installer and runs no pkexec, sudo, dpkg or apt', async () => {
    const u = debTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir: join(root, 'routed'), version: '1.0.0' });
    u.autoDownload = false;
    const handed: string[] = [];
    routeInstallsToInstaller(u, (file) => handed.push(file));
    await u.checkForUpdates();
    await u.downloadUpdate();
    u.quitAndInstall(true, true);
    expect(handed).toHaveLength(1);
    expect(handed[0]).toMatch(/\.deb$/);
    expect(existsSync(marker)).toBe(false);
  }, 30_000);
});
