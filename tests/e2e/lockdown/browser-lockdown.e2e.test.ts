import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '@playwright/test';
import { BLOCKED_KEYS } from '../../../common/lockdown/blocked-inputs';
import { KIOSK_TITLE, LauncherProcess, runEscapeTrial, type EscapeResult } from '../fixtures/escape-trial';
import { chromiumWindows, startXvfb, type VirtualDisplay } from '../fixtures/xvfb';

/** Live (not zombie) processes of a process group, as `pid command`. */
function liveInGroup(pgid: number): string[] {
  const r = spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,comm='], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, g, stat]) => Number(g) === pgid && stat !== undefined && !stat.startsWith('Z'))
    .map(([pid, , , comm]) => `${pid} ${comm}`);
}

/** The pid of the launcher's Chromium browser process (its direct child). */
function chromiumPid(launcherPid: number): number | null {
  const r = spawnSync('pgrep', ['-P', String(launcherPid), 'chromium'], { encoding: 'utf8' });
  const pid = Number(r.stdout.trim().split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** What the launcher prints each time it has opened the kiosk window again. */
const RESTARTED = 'kiosk window: restarted, back in service';

// The real browser launcher (main/dev/start-browser.ts) on a real X display (Xvfb), real key events (xdotool), real processes.
test.describe.serial('browser mode locked (Chromium kiosk window under Xvfb)', () => {
  let x: VirtualDisplay;
  let launcher: LauncherProcess;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    x = await startXvfb();
    launcher = new LauncherProcess(x.display);
    await launcher.start(150_000);
  });

  test.afterAll(async () => {
    launcher?.killGroup();
    await x?.stop();
  });

  test('Chromium gets the managed policy per launch', () => {
    expect(launcher.output).toContain('policy mount-namespace');
  });

  test('every blocked key of the table, sent as a real key event, leaves the one kiosk window in place: 0 escapes', async () => {
    test.setTimeout(600_000);
    const results: EscapeResult[] = await runEscapeTrial(x.display, async () => {
      // An escape that closed the window is undone by the launcher's relaunch; anything else by a new launcher.
      try {
        await launcher.waitForKiosk(15_000);
      } catch {
        launcher.killGroup();
        launcher = new LauncherProcess(x.display);
        await launcher.start(150_000);
      }
    });
    const dir = join('test-results', 'lockdown');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'escape-table.json'), JSON.stringify(results, null, 2));
    expect(results.map((r) => r.id)).toEqual(BLOCKED_KEYS.map((r) => r.id));
    expect(results.filter((r) => r.escaped)).toEqual([]);
  });

  test('a Chromium that exits is opened again within seconds', async () => {
    const before = chromiumPid(launcher.child.pid!);
    expect(before).not.toBeNull();
    const restarts = (): number => launcher.output.split(RESTARTED).length - 1;
    const restartsBefore = restarts();
    process.kill(before!, 'SIGTERM');
    const started = Date.now();
    // The old window may still be on screen while Chromium shuts down: wait for the launcher's own word that it relaunched.
    while (restarts() === restartsBefore && Date.now() - started < 10_000) await sleep(100);
    await launcher.waitForKiosk(10_000);
    const after = chromiumPid(launcher.child.pid!);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(restarts()).toBe(restartsBefore + 1);
  });

  test('killing the launcher with SIGKILL leaves no process behind (core, platform-sim, Chromium and its helpers)', async () => {
    const pgid = launcher.child.pid!;
    const before = liveInGroup(pgid);
    expect(before.some((p) => p.endsWith('chromium'))).toBe(true);
    expect(before.filter((p) => p.endsWith(' node')).length).toBeGreaterThanOrEqual(3);
    process.kill(pgid, 'SIGKILL');
    let left = liveInGroup(pgid);
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await sleep(500);
      left = liveInGroup(pgid);
    }
    expect(left).toEqual([]);
    expect(chromiumWindows(x.display).filter((w) => w.name === KIOSK_TITLE)).toEqual([]);
  });
});
