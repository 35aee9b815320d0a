import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { publishRelease } from './feed-publisher';
import { runTerminal, SettableClock, sleep, until, type RunningTerminal } from './update-harness';

// The shell module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);

/**
 * When a verified update is installed: only when idle inside the
 * maintenance window (02:00–05:00 Beijing time here, and one crossing
 * midnight), never on quit, never once shutting down. The kiosk's updater on
 * electron-updater's own classes against platform-sim's feed; the clock's
 * time is set by the test, its timers are real (polls every 20 ms).
 */
let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-install-timing-'));
const updatesDir = join(root, 'feed');
const release = generateKeyPairSync('ed25519');
const publicKeyPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const window = { start: '02:00', end: '05:00', timeZone: 'Asia/Shanghai' };
let n = 0;
const running: RunningTerminal[] = [];

beforeAll(async () => {
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), updatesDir, quiet: true });
  publishRelease({ updatesDir, version: '2.0.0', signer: release.privateKey });
});
afterAll(async () => {
  for (const t of running) t.stop();
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

function start(options: Partial<Parameters<typeof runTerminal>[0]>): RunningTerminal {
  const t = runTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir: join(root, `terminal-${n++}`), version: '1.9.0', publicKeyPem, maintenanceWindow: window, ...options });
  running.push(t);
  return t;
}
const downloaded = (t: RunningTerminal) => () => t.lines.some((l) => l.startsWith('update 2.0.0 downloaded and verified'));
const report = (t: RunningTerminal) => () => t.lines.join(' | ');

describe('install timing', () => {
  it('outside the maintenance window an idle kiosk waits and re-polls; at 02:30 it installs', async () => {
    const clock = new SettableClock('2026-12-08T04:00:00Z'); // 12:00 Beijing
    const t = start({ clock });
    await until(downloaded(t), report(t));
    const before = clock.reads;
    await sleep(400);
    console.log(`outside the window: ${t.installer.requests.length} installs over ${clock.reads - before} window checks`);
    expect(t.installer.requests).toEqual([]);
    expect(t.lines).toContain('update 2.0.0 waits: outside the maintenance window 02:00–05:00 (Asia/Shanghai)');
    expect(clock.reads - before).toBeGreaterThanOrEqual(5);
    expect(t.idleAsks).toBe(0);
    clock.set('2026-12-08T18:30:00Z'); // 02:30 Beijing, the next night
    await until(() => t.installer.requests.length === 1, report(t));
    expect(t.installed.map((u) => u.version)).toEqual(['2.0.0']);
  });

  it('a window crossing midnight (23:00–04:00): waits at 22:59, installs at 23:30', async () => {
    const clock = new SettableClock('2026-12-08T14:59:00Z'); // 22:59 Beijing
    const t = start({ clock, maintenanceWindow: { start: '23:00', end: '04:00', timeZone: 'Asia/Shanghai' } });
    await until(downloaded(t), report(t));
    await sleep(200);
    expect(t.installer.requests).toEqual([]);
    clock.set('2026-12-08T15:30:00Z'); // 23:30 Beijing
    await until(() => t.installer.requests.length === 1, report(t));
  });

  it('inside the window with a session active it waits and re-polls; once idle it installs', async () => {
    let idle = false;
    const t = start({ clock: new SettableClock('2026-12-08T19:00:00Z'), isIdle: () => idle });
    await until(downloaded(t), report(t));
    await until(() => t.idleAsks >= 10, report(t));
    console.log(`session active: ${t.installer.requests.length} installs over ${t.idleAsks} idle polls`);
    expect(t.installer.requests).toEqual([]);
    expect(t.lines).toContain('update 2.0.0 waits: kiosk in use');
    idle = true;
    await until(() => t.installer.requests.length === 1, report(t));
  });

  it('never on quit: electron-updater registers no install-on-quit handler, and a quit installs nothing', async () => {
    const t = start({ clock: new SettableClock('2026-12-08T04:00:00Z') });
    await until(downloaded(t), report(t));
    expect(t.app.quitHandlers).toHaveLength(0);
    t.app.simulateQuit(0);
    await sleep(100);
    expect(t.installer.requests).toEqual([]);
  });

  it('a shutdown that starts while an install is about to start stops it', async () => {
    let shuttingDown = false;
    let answer: ((idle: boolean) => void) | null = null;
    const t = start({
      clock: new SettableClock('2026-12-08T19:00:00Z'),
      isShuttingDown: () => shuttingDown,
      isIdle: () => new Promise<boolean>((resolve) => (answer = resolve)),
    });
    await until(() => answer !== null, report(t));
    // The updater is about to install (window open, asked whether idle); the shell starts shutting down before the answer.
    shuttingDown = true;
    answer!(true);
    await sleep(200);
    console.log(`shutdown: ${t.installer.requests.length} installs`);
    expect(t.installer.requests).toEqual([]);
    expect(t.lines).toContain('update 2.0.0 not installed: shutting down');
  });

  it('after stop() (the shell quitting) nothing is installed, even inside the window and idle', async () => {
    const clock = new SettableClock('2026-12-08T04:00:00Z');
    const t = start({ clock });
    await until(downloaded(t), report(t));
    t.stop();
    clock.set('2026-12-08T19:00:00Z');
    await sleep(200);
    expect(t.installer.requests).toEqual([]);
  });
});
