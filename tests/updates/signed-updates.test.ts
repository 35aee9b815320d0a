import { createHash, generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { artifactBytes, publishRelease } from './feed-publisher';
import { pendingDir, runTerminal, SettableClock, sleep, until, type RunningTerminal } from './update-harness';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/**
 * Every update is signature-checked before install (Linux): the kiosk's
 * updater (configureUpdater) on electron-updater's own classes, downloading
 * over HTTP from platform-sim's feed into the terminal's cache, installing
 * through the recording install adapter. Signed by the release key →
 * installed; unsigned, signed by another key, tampered on the server or in
 * the cache → refused and reported (onRefused), never installed.
 */
let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-signed-'));
const updatesDir = join(root, 'feed');
const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const window = { start: '02:00', end: '05:00', timeZone: 'Asia/Shanghai' };
/** 03:00 in Beijing: inside the window. */
const IN_WINDOW = '2026-12-07T19:00:00Z';
/** 12:00 in Beijing: outside. */
const NOON = '2026-12-08T04:00:00Z';
let n = 0;
const running: RunningTerminal[] = [];

beforeAll(async () => {
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), updatesDir, quiet: true });
});
afterAll(async () => {
  for (const t of running) t.stop();
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

function start(clock = new SettableClock(IN_WINDOW)): RunningTerminal & { dir: string } {
  const dir = join(root, `terminal-${n++}`);
  const t = runTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir, version: '1.1.0', publicKeyPem, maintenanceWindow: window, clock });
  running.push(t);
  return Object.assign(t, { dir });
}

const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');
const report = (t: RunningTerminal) => () => t.lines.join(' | ');

describe('signed updates (Linux, detached Ed25519 over the sha512)', () => {
  it('signed by the release key: downloaded in the background into the cache, verified, installed when idle in the window', async () => {
    const published = publishRelease({ updatesDir, version: '1.4.0', signer: release.privateKey });
    const t = start();
    await until(() => t.installer.requests.length > 0, report(t));
    const [request] = t.installer.requests;
    expect(request).toMatchObject({ version: '1.4.0', isSilent: true, isForceRunAfter: true });
    expect(dirname(request!.file)).toBe(pendingDir(t.dir));
    expect(sha512(readFileSync(request!.file))).toBe(published.sha512);
    expect(t.installed.map((u) => u.version)).toEqual(['1.4.0']);
    expect(t.refused).toEqual([]);
    expect(t.app.quits).toBe(1);
    expect(t.lines).toContain('update 1.4.0 downloaded and verified; installing when idle inside the maintenance window 02:00–05:00 (Asia/Shanghai)');
    t.stop();
  });

  it('unsigned: refused and reported, never installed', async () => {
    publishRelease({ updatesDir, version: '1.5.0', signer: null });
    const t = start();
    await until(() => t.refused.length > 0, report(t));
    await sleep(200);
    expect(t.refused).toEqual([{ version: '1.5.0', reason: 'unsigned' }]);
    expect(t.lines).toContain('update 1.5.0 refused (unsigned): not installed');
    expect(t.installer.requests).toEqual([]);
    t.stop();
  });

  it('signed by another key: refused (bad-signature), never installed', async () => {
    publishRelease({ updatesDir, version: '1.5.1', signer: generateKeyPairSync('ed25519').privateKey });
    const t = start();
    await until(() => t.refused.length > 0, report(t));
    await sleep(200);
    expect(t.refused).toEqual([{ version: '1.5.1', reason: 'bad-signature' }]);
    expect(t.installer.requests).toEqual([]);
    t.stop();
  });

  it('tampered on the server (bytes changed after signing): electron-updater refuses the download, reported as digest-mismatch', async () => {
    const signed = artifactBytes('1.6.0');
    const served = Buffer.from(signed);
    served[100] = served[100]! ^ 0xff;
    publishRelease({ updatesDir, version: '1.6.0', bytes: served, signedBytes: signed, signer: release.privateKey });
    const t = start();
    await until(() => t.refused.length > 0, report(t));
    await sleep(200);
    expect(t.refused).toMatchObject([{ version: '1.6.0', reason: 'digest-mismatch' }]);
    expect(t.refused[0]!.detail).toMatch(/electron-updater sha512 check/);
    expect(t.installer.requests).toEqual([]);
    expect(readdirSync(pendingDir(t.dir)).filter((f) => f.endsWith('.deb'))).toEqual([]);
  });

  it('tampered in the cache while waiting for the window: the re-check just before install refuses it', async () => {
    publishRelease({ updatesDir, version: '1.7.0', signer: release.privateKey });
    const clock = new SettableClock(NOON);
    const t = start(clock);
    await until(() => t.lines.some((l) => l.startsWith('update 1.7.0 waits: outside the maintenance window')), report(t));
    const [file] = readdirSync(pendingDir(t.dir)).filter((f) => f.endsWith('.deb'));
    appendFileSync(join(pendingDir(t.dir), file!), 'payload');
    clock.set(IN_WINDOW);
    await until(() => t.refused.length > 0, report(t));
    await sleep(200);
    expect(t.refused).toEqual([{ version: '1.7.0', reason: 'digest-mismatch' }]);
    expect(t.installer.requests).toEqual([]);
    t.stop();
  });
});
