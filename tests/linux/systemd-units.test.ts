import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../tooling/repo-root';

const unitsDir = join(REPO_ROOT, 'build', 'linux');
const units = readdirSync(unitsDir).filter((f) => /\.(service|path|timer)$/.test(f));
/** Debian's own unit tree (systemd is installed by .ci/run), which the verifier resolves targets against. */
const SYSTEM_UNITS = '/usr/lib/systemd/system';

/**
 * What a terminal has on disk when the units start: system tools from its
 * packages and the installer from the gov-kiosk-installer package. Stand-in
 * files at exactly these paths; a unit whose command is any other
 * executable fails the check. (The verifier checks a command's executable,
 * not its arguments: the kiosk binary xinit starts is checked below.)
 */
const TERMINAL_FILES = ['/usr/bin/node', '/usr/bin/xinit', '/usr/bin/systemctl', '/usr/lib/gov-kiosk-installer/kiosk-installer.mjs'];

const root = mkdtempSync(join(tmpdir(), 'kiosk-units-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A root file system with Debian's units, the kiosk's units in /etc/systemd/system and {@link TERMINAL_FILES}; returns `systemd-analyze verify`'s result for every kiosk unit. */
function verifyUnits(files: string[], unitText: (name: string) => string = (name) => readFileSync(join(unitsDir, name), 'utf8')) {
  const fsRoot = mkdtempSync(join(root, 'fs-'));
  cpSync(SYSTEM_UNITS, join(fsRoot, SYSTEM_UNITS), { recursive: true });
  const etc = join(fsRoot, 'etc/systemd/system');
  mkdirSync(etc, { recursive: true });
  for (const name of units) writeFileSync(join(etc, name), unitText(name));
  for (const file of files) {
    mkdirSync(dirname(join(fsRoot, file)), { recursive: true });
    writeFileSync(join(fsRoot, file), '#!/bin/sh\n');
    chmodSync(join(fsRoot, file), 0o755);
  }
  return spawnSync('systemd-analyze', ['verify', `--root=${fsRoot}`, ...units], { encoding: 'utf8' });
}

describe('the systemd units in build/linux', () => {
  it('pass systemd-analyze verify on a terminal root: no unknown key, no bad value, every executable where the packages put it', () => {
    expect(units.sort()).toEqual(['gov-kiosk-installer.path', 'gov-kiosk-installer.service', 'gov-kiosk-installer.timer', 'gov-kiosk-rollback.service', 'gov-kiosk.service']);
    const r = verifyUnits(TERMINAL_FILES);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the check can fail: a misspelt key, and a command the terminal lacks, are both reported', () => {
    const misspelt = verifyUnits(TERMINAL_FILES, (name) => readFileSync(join(unitsDir, name), 'utf8').replace('WatchdogSec=30', 'WatchDogSec=30'));
    expect(misspelt.stderr).toMatch(/Unknown key 'WatchDogSec'/);
    const noX = verifyUnits(TERMINAL_FILES.filter((f) => f !== '/usr/bin/xinit'));
    expect(noX.status).not.toBe(0);
    expect(noX.stderr).toMatch(/\/usr\/bin\/xinit is not executable/);
  });

  it('the kiosk session starts the binary of the slot `current` points at, where the .deb puts it (electron-builder executableName)', () => {
    const builder = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    const executable = /^\s+executableName:\s*(\S+)$/m.exec(builder)?.[1];
    expect(executable).toBe('gov-kiosk');
    const exec = /^ExecStart=(.*)$/m.exec(readFileSync(join(unitsDir, 'gov-kiosk.service'), 'utf8'))?.[1] ?? '';
    // The installer unpacks the .deb's tree into the slot (tests/updates: current/usr/lib/gov-kiosk/version).
    expect(exec.split(' ').slice(0, 2)).toEqual(['/usr/bin/xinit', `/opt/gov-kiosk/current/usr/lib/gov-kiosk/${executable}`]);
  });

  it('name each other consistently: the kiosk falls back to the rollback unit, which restarts the kiosk; the path and timer start the installer', () => {
    const text = (name: string) => readFileSync(join(unitsDir, name), 'utf8');
    expect(text('gov-kiosk.service')).toMatch(/^OnFailure=gov-kiosk-rollback\.service$/m);
    expect(text('gov-kiosk.service')).toMatch(/^Type=notify$/m);
    expect(text('gov-kiosk.service')).toMatch(/^WatchdogSec=\d+$/m);
    expect(text('gov-kiosk-rollback.service')).toMatch(/^ExecStartPost=\/usr\/bin\/systemctl start gov-kiosk\.service$/m);
    // A .path or .timer unit starts the service of the same name (no Unit= override).
    for (const name of ['gov-kiosk-installer.path', 'gov-kiosk-installer.timer']) expect(text(name)).not.toMatch(/^Unit=/m);
    expect(units).toContain('gov-kiosk-installer.service');
  });

  it('the /usr/bin/kioskctl wrapper runs the same slot binary with --kioskctl', () => {
    const wrapper = readFileSync(join(unitsDir, 'kioskctl'), 'utf8');
    const exec = /^ExecStart=\/usr\/bin\/xinit (\S+)/m.exec(readFileSync(join(unitsDir, 'gov-kiosk.service'), 'utf8'))?.[1];
    expect(wrapper).toMatch(new RegExp(`^exec ${exec} --kioskctl "\\$@"$`, 'm'));
  });
});
