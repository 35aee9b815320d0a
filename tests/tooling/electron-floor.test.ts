import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBelowFloor, lockedElectronVersion, readElectronFloor } from './electron-floor';
import { REPO_ROOT } from './repo-root';

const lockFile = join(REPO_ROOT, 'package-lock.json');
const floorFile = join(REPO_ROOT, 'build/electron-floor.json');
const tmp = mkdtempSync(join(tmpdir(), 'kiosk-electron-floor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the real lock file with another Electron version. */
function lockWithElectron(version: string): string {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version: string }> };
  lock.packages['node_modules/electron']!.version = version;
  const file = join(tmp, `package-lock-${version}.json`);
  writeFileSync(file, JSON.stringify(lock));
  return file;
}

describe('Electron floor (build/electron-floor.json)', () => {
  it('the locked Electron is at or above the stated floor, and the floor says why', () => {
    const floor = readElectronFloor(floorFile);
    expect(floor.why.length).toBeGreaterThan(20);
    expect(floor.decided).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lockedElectronVersion(lockFile)).toBe('45.6.1');
    expect(electronBelowFloor(lockFile, floorFile)).toBeNull();
  });

  it('fails for a lock below the floor: an older patch of the same line, and the previous major', () => {
    expect(electronBelowFloor(lockWithElectron('45.6.0'), floorFile)).toMatch(/locks Electron 45\.6\.0, older than the floor 45\.6\.1/);
    expect(electronBelowFloor(lockWithElectron('44.9.9'), floorFile)).toMatch(/older than the floor/);
    expect(electronBelowFloor(lockWithElectron('45.7.0'), floorFile)).toBeNull();
  });

  it('refuses a lock without Electron and a floor that is not a version', () => {
    const noElectron = join(tmp, 'no-electron.json');
    writeFileSync(noElectron, JSON.stringify({ packages: {} }));
    expect(() => lockedElectronVersion(noElectron)).toThrow(/locks no Electron version/);
    const badFloor = join(tmp, 'bad-floor.json');
    writeFileSync(badFloor, JSON.stringify({ floor: 'latest', decided: '2026-12-07', why: 'x' }));
    expect(() => readElectronFloor(badFloor)).toThrow(/is not a version/);
  });
});
