import { readFileSync } from 'node:fs';
import { semver } from './semver';

/** build/electron-floor.json. */
export interface ElectronFloor {
  /** Oldest allowed Electron version (semver). */
  floor: string;
  /** Date the floor was set (YYYY-MM-DD). */
  decided: string;
  /** Why this floor. */
  why: string;
}

/** Reads a floor file. Throws on a missing file or when `floor` is not a version. */
export function readElectronFloor(file: string): ElectronFloor {
  const floor = JSON.parse(readFileSync(file, 'utf8')) as ElectronFloor;
  if (!semver.valid(floor.floor)) throw new Error(`${file}: floor ${JSON.stringify(floor.floor)} is not a version`);
  return floor;
}

/** The Electron version a lock file installs (`packages["node_modules/electron"].version`). Throws when it locks none. */
export function lockedElectronVersion(lockFile: string): string {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages?: Record<string, { version?: string }> };
  const version = lock.packages?.['node_modules/electron']?.version;
  if (!version || !semver.valid(version)) throw new Error(`${lockFile} locks no Electron version`);
  return version;
}

/** Null when the lock file's Electron is at or above the floor, else the problem in one line. */
export function electronBelowFloor(lockFile: string, floorFile: string): string | null {
  const locked = lockedElectronVersion(lockFile);
  const { floor, decided } = readElectronFloor(floorFile);
  return semver.lt(locked, floor) ? `${lockFile} locks Electron ${locked}, older than the floor ${floor} (set ${decided} in ${floorFile})` : null;
}
