import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatReport } from '../../main/core/heartbeat-report';
import { spoolInstaller, type Installer } from '../../main/electron/update/installer-client';
import { KeptArtifacts } from '../../main/electron/update/kept-artifacts';
import { UpdateStateFiles } from '../../main/electron/update/pending-health-state';
import { electronUpdaterFetch } from '../../main/electron/update/pinned-release-fetch';
import { UpdateHealthCheck, type UpdateAuditEvent } from '../../main/electron/update/update-health';
import { fileSha512, signUpdate } from '../../main/electron/update/update-signature';
import { PinFollower, type PinEvent } from '../../main/electron/update/version-pin';
import { openKioskStore, type KioskStore } from '../../offline-cache/index';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { createPlatformClient, sendHeartbeat, type HeartbeatAck } from '../../uplink/index';
import { debTerminal } from './node-updater';
import { buildKioskDeb, installerPaths, startInstaller, type InstallerPaths } from './support/kiosk-deb';

/**
 * The pin → fetch → verify → install → health check → rollback path with
 * real parts: platform-sim over HTTP (pins per terminal and group, the
 * per-version feed), electron-updater's own classes fetching the pinned
 * version, real .deb artifacts signed with a release key, the root-side
 * installer as a child process switching real A/B directories, and real
 * heartbeats from the kiosk's uplink. Only the restart is a recorded call
 * (the next version's start is the next UpdateHealthCheck on the same data dir).
 */
const root = mkdtempSync(join(tmpdir(), 'kiosk-pin-'));
const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const TERMINAL = 'kiosk-pin-1';
let sim: PlatformSim;
let paths: InstallerPaths;
let installerProc: ReturnType<typeof startInstaller>;
let installer: Installer;
let store: KioskStore;
const dataDir = join(root, 'kiosk-data');
const state = new UpdateStateFiles(dataDir);
const kept = new KeptArtifacts(join(dataDir, 'update'));

/** Publishes `version` into platform-sim's per-version feed (`updates/stable/<version>/`), signed unless told otherwise. */
async function publish(version: string, options: { signed?: boolean } = {}): Promise<void> {
  const deb = buildKioskDeb(root, version);
  const sha512 = await fileSha512(deb);
  const dir = join(root, 'platform', 'updates', 'stable', version);
  mkdirSync(dir, { recursive: true });
  const name = `gov-kiosk_${version}_all.deb`;
  copyFileSync(deb, join(dir, name));
  const sig = options.signed === false ? '' : `    kioskSignature: ${signUpdate(sha512, release.privateKey)}\n`;
  writeFileSync(
    join(dir, 'latest-linux.yml'),
    `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${readFileSync(deb).length}\n${sig}path: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`,
  );
}

async function admin(path: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

async function heartbeat(deviceId = TERMINAL, version = '1.1.0'): Promise<HeartbeatAck> {
  const client = createPlatformClient({ baseUrl: sim.url, deviceId });
  return sendHeartbeat({ store, client, version });
}

const installedVersion = () => readFileSync(join(paths.root, 'current/usr/lib/gov-kiosk/version'), 'utf8').trim();

/** One running version of the terminal: its pin follower and health check over the same data dir and installer. */
function terminal(runningVersion: string, healthDeadlineMs = 60_000) {
  const events: Array<PinEvent | UpdateAuditEvent> = [];
  let restarts = 0;
  const restart = () => void restarts++;
  const follower = new PinFollower({
    runningVersion,
    fetchRelease: electronUpdaterFetch({
      feedBase: `${sim.url}/updates`,
      channel: 'stable',
      makeUpdater: (feedUrl) => debTerminal({ feedUrl, dir: join(root, `updater-${runningVersion}-${Math.random().toString(36).slice(2)}`), version: runningVersion }),
    }),
    installer,
    state,
    kept,
    isIdle: () => true,
    restart,
    report: (e) => events.push(e),
    publicKeyPem,
    healthDeadlineMs,
    idlePollMs: 20,
  });
  const health = new UpdateHealthCheck({ runningVersion, state, kept, installer, audit: (e) => events.push(e), restart });
  return { follower, health, events, restarts: () => restarts };
}

beforeAll(async () => {
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), quiet: true });
  paths = installerPaths(join(root, 'installer'), publicKeyPem);
  installerProc = startInstaller(paths);
  installer = spoolInstaller({ spool: paths.spool, timeoutMs: 30_000, pollMs: 20 });
  store = openKioskStore({ dataDir: join(root, 'store'), deviceId: TERMINAL });
  for (const v of ['1.0.0', '1.1.0', '1.2.0']) await publish(v);
  await publish('1.3.0', { signed: false });
  // The terminal as the factory left it: 1.1.0 installed through the same installer and confirmed.
  const factory = join(root, 'platform', 'updates', 'stable', '1.1.0', 'gov-kiosk_1.1.0_all.deb');
  const sha512 = await fileSha512(factory);
  expect(await installer.install({ file: factory, version: '1.1.0', sha512, signature: signUpdate(sha512, release.privateKey), healthDeadlineMs: 60_000 })).toMatchObject({ ok: true });
  expect(await installer.confirm('1.1.0')).toMatchObject({ ok: true });
}, 60_000);
afterAll(async () => {
  store?.close();
  await installerProc?.stop();
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('platform pins per terminal and group (heartbeat reply)', () => {
  it('terminal pin beats group pin beats the platform-wide pin; the old /admin/pin contract is unchanged; hostile pins are refused', async () => {
    expect(await admin('/admin/pin', { version: '1.2.0' })).toEqual({ pinnedVersion: '1.2.0' });
    expect(await heartbeat('kiosk-other')).toEqual({ pinnedVersion: '1.2.0' });
    expect(await admin('/admin/terminal-group', { terminal: 'kiosk-other', group: 'province-a' })).toEqual({ terminal: 'kiosk-other', group: 'province-a' });
    expect(await admin('/admin/pin', { version: '1.0.0', group: 'province-a' })).toEqual({ pinnedVersion: '1.0.0', group: 'province-a' });
    expect(await heartbeat('kiosk-other')).toEqual({ pinnedVersion: '1.0.0' });
    expect(await admin('/admin/pin', { version: '1.1.0', terminal: 'kiosk-other' })).toEqual({ pinnedVersion: '1.1.0', terminal: 'kiosk-other' });
    expect(await heartbeat('kiosk-other')).toEqual({ pinnedVersion: '1.1.0' });
    expect(await heartbeat('kiosk-elsewhere')).toEqual({ pinnedVersion: '1.2.0' });

    await admin('/admin/pin', { version: '../../../etc/passwd', terminal: TERMINAL });
    expect(await heartbeat()).toEqual({ pinnedVersion: null, pinRefused: true });
    const t = terminal('1.1.0');
    const ack = await heartbeat();
    await t.follower.follow(ack.pinnedVersion, ack.pinRefused === true);
    expect(t.events).toEqual([{ event: 'pin-refused', version: null, reason: 'not a version' }]);
    await admin('/admin/pin', { version: null });
    expect(await heartbeat('kiosk-elsewhere')).toEqual({ pinnedVersion: null });
  });
});

describe('following a pin, then the health check', () => {
  it('a pin the feed lacks is reported and nothing is installed', async () => {
    await admin('/admin/pin', { version: '9.9.9', terminal: TERMINAL });
    const t = terminal('1.1.0');
    const before = readdirSync(paths.root).sort();
    await t.follower.follow((await heartbeat()).pinnedVersion);
    expect(t.events).toEqual([{ event: 'pin-missing', version: '9.9.9', reason: 'not in the update feed' }]);
    expect(readlinkSync(join(paths.root, 'current'))).toBe('a');
    expect(readdirSync(paths.root).sort()).toEqual(before);
    expect(state.pending()).toBeNull();
    expect(t.restarts()).toBe(0);
  });

  it('an unsigned pinned release is refused before the installer sees it', async () => {
    await admin('/admin/pin', { version: '1.3.0', terminal: TERMINAL });
    const t = terminal('1.1.0');
    await t.follower.follow((await heartbeat()).pinnedVersion);
    expect(t.events).toMatchObject([{ event: 'pin-artifact-refused', version: '1.3.0', reason: 'unsigned' }]);
    expect(installedVersion()).toBe('1.1.0');
    expect(state.pending()).toBeNull();
  });

  it('pinned downgrade: pinned 1.0.0 while running 1.1.0 → fetched, verified, installed → healthy → kept', async () => {
    await admin('/admin/pin', { version: '1.0.0', terminal: TERMINAL });
    const old = terminal('1.1.0');
    const started = performance.now();
    await old.follower.follow((await heartbeat()).pinnedVersion);
    const installMs = performance.now() - started;
    expect(old.events.map((e) => e.event)).toEqual(['pin-installing', 'pin-installed']);
    expect(old.restarts()).toBe(1);
    expect(installedVersion()).toBe('1.0.0');
    expect(state.pending()).toMatchObject({ previous: '1.1.0', current: '1.0.0' });

    // The restarted terminal runs 1.0.0: core up, renderer up, then a real heartbeat with the devices opened.
    const fresh = terminal('1.0.0');
    const checkStart = performance.now();
    expect(fresh.health.start()).toBe('checking');
    fresh.health.report('core');
    fresh.health.report('renderer');
    const report = heartbeatReport(await heartbeat(TERMINAL, '1.0.0'), []);
    if (report.devicesOpened) fresh.health.report('devices');
    fresh.health.report('heartbeat');
    await fresh.health.done();
    console.info(`pinned downgrade: fetch+verify+install ${installMs.toFixed(0)} ms; healthy after ${(performance.now() - checkStart).toFixed(0)} ms`);
    expect(fresh.events.map((e) => e.event)).toEqual(['health-check-started', 'healthy']);
    expect(state.pending()).toBeNull();
    expect(existsSync(join(paths.state, 'pending.json'))).toBe(false);
    expect(kept.versions()).toEqual(['1.0.0']);
    expect(fresh.restarts()).toBe(0);
    // The pin is followed: the same pin again does nothing.
    await fresh.follower.follow('1.0.0');
    expect(fresh.events).toHaveLength(2);
  }, 60_000);

  it('failed health check: 1.2.0 installed, never reports healthy before the deadline → 1.0.0 reinstated, not installed again', async () => {
    await admin('/admin/pin', { version: '1.2.0', terminal: TERMINAL });
    const old = terminal('1.0.0', 600);
    await old.follower.follow((await heartbeat(TERMINAL, '1.0.0')).pinnedVersion);
    expect(installedVersion()).toBe('1.2.0');

    const bad = terminal('1.2.0');
    expect(bad.health.start()).toBe('checking');
    bad.health.report('core');
    bad.health.report('renderer'); // devices never open, no heartbeat acknowledged
    const t0 = performance.now();
    await bad.health.done();
    console.info(`failed health check: rolled back ${(performance.now() - t0).toFixed(0)} ms after the check started (deadline 600 ms)`);
    expect(bad.events).toMatchObject([
      { event: 'health-check-started', version: '1.2.0' },
      { event: 'rollback', version: '1.2.0', reason: 'health-deadline' },
      { event: 'rollback', version: '1.0.0', previous: '1.2.0', reason: 'health-deadline: switched back' },
    ]);
    expect(readlinkSync(join(paths.root, 'current'))).toBe('b');
    expect(installedVersion()).toBe('1.0.0');
    expect(bad.restarts()).toBe(1);

    // 1.0.0 starts again: it records the rollback and does not follow the same pin back into 1.2.0.
    const back = terminal('1.0.0');
    expect(back.health.start()).toBe('rolled-back');
    expect(state.rolledBack()).toMatchObject({ version: '1.2.0', to: '1.0.0' });
    await back.follower.follow((await heartbeat(TERMINAL, '1.0.0')).pinnedVersion);
    expect(back.events.map((e) => e.event)).toEqual(['rolled-back', 'pin-skipped']);
    expect(installedVersion()).toBe('1.0.0');
  }, 60_000);

  it('crash loop of the new version: rolled back at once, without waiting for the deadline', async () => {
    state.clearRolledBack();
    const old = terminal('1.0.0', 60_000);
    await old.follower.follow('1.2.0');
    expect(installedVersion()).toBe('1.2.0');
    const bad = terminal('1.2.0');
    bad.health.start();
    const t0 = performance.now();
    bad.health.crashLoop();
    await bad.health.done();
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(bad.events.at(-1)).toMatchObject({ event: 'rollback', version: '1.0.0', reason: 'crash-loop: switched back' });
    expect(installedVersion()).toBe('1.0.0');
  }, 60_000);
});

describe('a staged update on a terminal with the root-side installer (updater.ts hands it over)', () => {
  /** A release as updater.ts hands it over: downloaded from the feed and already verified. */
  async function verified(version: string) {
    const file = join(root, 'platform', 'updates', 'stable', version, `gov-kiosk_${version}_all.deb`);
    const sha512 = await fileSha512(file);
    return { file, version, sha512, signature: signUpdate(sha512, release.privateKey) };
  }

  it('goes through the installer with the same pending health check as a pin, and waits while a check is pending', async () => {
    // 1.0.0 starts again after the crash-loop rollback above and records it, as the shell does first.
    const running = terminal('1.0.0');
    expect(running.health.start()).toBe('rolled-back');
    expect(await running.follower.installVerified(await verified('1.1.0'))).toBe(true);
    expect(running.events.map((e) => e.event)).toEqual(['rolled-back', 'staged-installing', 'staged-installed']);
    expect(running.restarts()).toBe(1);
    expect(installedVersion()).toBe('1.1.0');
    expect(state.pending()).toMatchObject({ previous: '1.0.0', current: '1.1.0' });

    // Before 1.1.0 has proved itself, another staged update is not installed.
    expect(await running.follower.installVerified(await verified('1.2.0'))).toBe(false);
    expect(running.events.at(-1)).toMatchObject({ event: 'staged-skipped', version: '1.2.0', reason: 'a health check is pending' });
    expect(installedVersion()).toBe('1.1.0');

    const fresh = terminal('1.1.0');
    expect(fresh.health.start()).toBe('checking');
    for (const signal of ['core', 'renderer', 'devices', 'heartbeat'] as const) fresh.health.report(signal);
    await fresh.health.done();
    expect(fresh.events.map((e) => e.event)).toEqual(['health-check-started', 'healthy', 'healthy']);
    expect(state.pending()).toBeNull();
  }, 60_000);
});
