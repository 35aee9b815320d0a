import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Reads the file at `path`, creating it first with `content()` when it does
 * not exist, and returns its bytes. Creation is atomic: the content goes to a
 * temp file beside it (mode `mode`, default 0600), which link(2) then puts in
 * place; when two processes race, the loser's link fails with EEXIST and both
 * read the winner's file, so they agree on one key or one id. An existing file
 * is never replaced (a replaced key would make stored data unreadable). The
 * parent directory is created when missing. Throws any other file-system error.
 */
export function readOrCreateFile(path: string, content: () => Buffer | string, mode = 0o600): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, content(), { mode, flag: 'wx' });
  // writeFileSync's mode is narrowed by the umask; the key file must be exactly `mode`.
  chmodSync(temp, mode);
  try {
    linkSync(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  return readFileSync(path);
}
