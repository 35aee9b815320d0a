import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File of the safeStorage-sealed data key, in the shell's `userData` (the data dir's parent in a packaged build). */
export const SAFE_STORAGE_KEY_FILE = 'data-key.safe';
/** File of the systemd-creds credential holding the data key, beside the database (`config.dataDir`). */
export const SYSTEMD_CREDS_KEY_FILE = 'data-key.cred';
/** File of the plain-Node 0600 data key (offline-cache's FileKeyProvider), in the data dir. */
export const PLAIN_KEY_FILE = 'data.key';

/** Which kind of data key a terminal's files hold (what is on disk, not whether it opens). */
export type KeyStorageOnDisk = 'systemd-creds' | 'safe-storage' | 'key-file';

/**
 * Which data key the files of `dataDir` show: a systemd-creds credential in
 * it, a safeStorage key file in its parent (the shell's `userData`, whose
 * `kiosk-data` the data dir is), or a plain key file in it, checked in that
 * order; null when none is there. Reads only file names, never a key.
 */
export function keyStorageOnDisk(dataDir: string): KeyStorageOnDisk | null {
  if (existsSync(join(dataDir, SYSTEMD_CREDS_KEY_FILE))) return 'systemd-creds';
  if (existsSync(join(dirname(dataDir), SAFE_STORAGE_KEY_FILE))) return 'safe-storage';
  if (existsSync(join(dataDir, PLAIN_KEY_FILE))) return 'key-file';
  return null;
}
