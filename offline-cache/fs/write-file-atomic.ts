import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces the file at `path` with `text` atomically and durably: a temp file
 * beside it (mode `mode`, default 0600, exactly, whatever the umask), fsync,
 * rename(2) over the old file, then fsync of the directory so the rename
 * survives a power loss. A reader sees the old file or the new one, never a
 * half-written one. The parent directory is created (mode 0700) when
 * missing. Throws any file-system error, after removing the temp file.
 *
 * Hand-written rather than npm's `write-file-atomic`, which does not fsync the
 * directory. The root-side installer (build/linux/installer/kiosk-installer.mjs)
 * keeps its own copy on purpose: it is a stand-alone script with no imports
 * from the application it installs.
 */
export function writeFileAtomic(path: string, text: string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
