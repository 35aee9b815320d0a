import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { readOrCreateFile } from '../core/read-or-create-file';

/** Length of the data key in bytes (AES-256). */
export const SAFE_STORAGE_KEY_BYTES = 32;

/** Options of {@link SafeStorageKeyProvider}. */
export interface SafeStorageKeyProviderOptions {
  /** Directory for the encrypted key file (normally `app.getPath('userData')`). */
  dir: string;
  /** File name; default `data-key.safe`. */
  fileName?: string;
  /**
   * Linux without a keyring falls back to `basic_text` (a fixed, public
   * password: obfuscation, not protection). Default `'accept'` so a kiosk
   * without a keyring still starts; `onWeakBackend` is told either way.
   */
  weakBackend?: 'accept' | 'refuse';
  /** Called once when the backend is `basic_text`. Default none. */
  onWeakBackend?: (backend: string) => void;
}

/**
 * Supplies the 32-byte key that protects personal fields at rest, stored in
 * `<dir>/<fileName>` encrypted by Electron `safeStorage` (OS keystore:
 * DPAPI on Windows, libsecret/kwallet on Linux). Synchronous, like
 * `safeStorage` itself, so it fits offline-cache's `KeyProvider`
 * (`getKey(): Buffer`) structurally without importing it.
 *
 * Created on first use with a random key (temp file + link, mode 0600, so a
 * concurrent creator's key wins). Call only after the app is `ready`.
 * Throws when encryption is unavailable, when the backend is weak and
 * `weakBackend` is `'refuse'`, or when the stored key cannot be decrypted or
 * has the wrong length (never silently replaces a key: stored data would
 * become unreadable).
 */
export class SafeStorageKeyProvider {
  private cached: Buffer | null = null;
  /** Path of the encrypted key file. */
  readonly path: string;

  constructor(private readonly options: SafeStorageKeyProviderOptions) {
    this.path = join(options.dir, options.fileName ?? 'data-key.safe');
  }

  /** Returns the same 32-byte key on every call. */
  getKey(): Buffer {
    if (this.cached) return this.cached;
    if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
    if (process.platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text') {
        this.options.onWeakBackend?.(backend);
        if (this.options.weakBackend === 'refuse') throw new Error('safeStorage has no keyring (basic_text backend); refusing to store the data key');
      }
    }
    const sealed = readOrCreateFile(this.path, () => safeStorage.encryptString(randomBytes(SAFE_STORAGE_KEY_BYTES).toString('base64')), 0o600);
    const key = Buffer.from(safeStorage.decryptString(sealed), 'base64');
    if (key.length !== SAFE_STORAGE_KEY_BYTES) throw new Error(`key in ${this.path} has ${key.length} bytes, expected ${SAFE_STORAGE_KEY_BYTES}`);
    this.cached = key;
    return key;
  }
}
