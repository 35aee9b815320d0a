import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateFile } from '../fs/read-or-create-file';

/**
 * Supplies the 32-byte AES-256 key that protects personal fields at rest.
 * Synchronous so the store can open synchronously; the Electron shell's
 * implementation wraps `safeStorage.decryptString` (also synchronous).
 * Must throw rather than return a key of the wrong length.
 */
export interface KeyProvider {
  /** Returns the same 32-byte key on every call for one installation. */
  getKey(): Buffer;
}

/** Length of the data key in bytes (AES-256). */
export const KEY_BYTES = 32;

/**
 * Plain-Node key provider: a random 32-byte key in `<dataDir>/data.key`,
 * created with mode 0600 on first use. Creation is atomic (temp file + link),
 * so two processes opening the same data dir agree on one key. Throws when
 * the file exists with the wrong length (never silently replaces a key:
 * that would make stored data unreadable).
 */
export class FileKeyProvider implements KeyProvider {
  private cached: Buffer | null = null;
  /** Path of the key file. */
  readonly path: string;

  constructor(dataDir: string, fileName = 'data.key') {
    this.path = join(dataDir, fileName);
  }

  getKey(): Buffer {
    if (this.cached) return this.cached;
    const key = readOrCreateFile(this.path, () => randomBytes(KEY_BYTES), 0o600);
    if (key.length !== KEY_BYTES) throw new Error(`key file ${this.path} has ${key.length} bytes, expected ${KEY_BYTES}`);
    this.cached = key;
    return key;
  }

  /** File mode bits of the key file (for checks and tests), e.g. `0o600`. */
  mode(): number {
    return statSync(this.path).mode & 0o777;
  }
}

/** A fixed in-memory key, for tests and benches only. */
export class TestKeyProvider implements KeyProvider {
  constructor(private readonly key: Buffer = Buffer.alloc(KEY_BYTES, 7)) {}
  getKey(): Buffer {
    return this.key;
  }
}
