import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateFile } from '../read-or-create-file';
import { StartupError } from '../startup-error';

/** Length of the data key in bytes (AES-256). */
export const SYSTEMD_CREDS_KEY_BYTES = 32;

/**
 * Which key `systemd-creds encrypt --with-key=` seals with. `tpm2` (the
 * default) and `host+tpm2` need the TPM 2.0 chip of this terminal; `auto`
 * uses the TPM when there is one and the host key
 * (`/var/lib/systemd/credential.secret`, on the same disk) otherwise; `host`
 * alone is for tests only: a copied disk carries the host key with it.
 */
export type SystemdCredsKey = 'tpm2' | 'host+tpm2' | 'auto' | 'host';

/** Options of {@link SystemdCredsKeyProvider}. */
export interface SystemdCredsKeyProviderOptions {
  /** Directory of the credential file (beside the database). */
  dir: string;
  /** File name; default `data-key.cred`. */
  fileName?: string;
  /** Sealing key; default `tpm2`. Used only when the credential is created: decrypting reads it from the file. */
  withKey?: SystemdCredsKey;
  /** `--tpm2-device=` (e.g. `/dev/tpmrm0`); default none (systemd picks the first TPM). */
  tpm2Device?: string;
  /** Credential name sealed into the file and checked on decrypt; default `kiosk-data-key`. */
  name?: string;
  /** The binary; default `systemd-creds` (from PATH). */
  binary?: string;
  /** Environment of the binary; default `process.env` (tests set `SYSTEMD_CREDENTIAL_SECRET`, the host-key path). */
  env?: NodeJS.ProcessEnv;
  /** Time limit of one `systemd-creds` run, ms; default 30000 (a TPM can be slow). */
  timeoutMs?: number;
}

/** First meaningful line of a failed run's stderr (or its error message), at most 300 characters. */
function why(e: unknown): string {
  const err = e as { stderr?: Buffer | string; code?: string; message?: string };
  if (err.code === 'ENOENT') return 'systemd-creds not found';
  if (err.code === 'ETIMEDOUT') return 'timed out';
  const lines = String(err.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.includes('not located on encrypted media'));
  return (lines.at(-1) ?? err.message ?? String(e)).slice(0, 300);
}

/**
 * Supplies the 32-byte data key sealed by `systemd-creds` in
 * `<dir>/<fileName>`: by default with the terminal's TPM 2.0, so the file
 * opens on this machine only (a copied disk, or the file copied to another
 * terminal, does not decrypt). Plain Node, synchronous like the other key
 * providers (`getKey(): Buffer`, structurally offline-cache's `KeyProvider`).
 *
 * Created on first use: a random key goes to `systemd-creds encrypt` on
 * stdin (the plain key never touches the disk), the credential is put in
 * place atomically (mode 0600, a concurrent creator's file wins), then read
 * back through `decrypt`. Throws {@link StartupError} (Chinese and English,
 * with what to do) when sealing fails (no TPM: never a silent fallback to
 * another key), when the file does not decrypt (another machine's, corrupted,
 * TPM cleared) or holds a key of the wrong length; an existing file is never
 * replaced. The binary runs as the kiosk user: TPM access needs the `tss`
 * group (`/dev/tpmrm0`).
 */
export class SystemdCredsKeyProvider {
  private cached: Buffer | null = null;
  /** Path of the credential file. */
  readonly path: string;
  private readonly name: string;

  constructor(private readonly options: SystemdCredsKeyProviderOptions) {
    this.path = join(options.dir, options.fileName ?? 'data-key.cred');
    this.name = options.name ?? 'kiosk-data-key';
  }

  /** Returns the same 32-byte key on every call. */
  getKey(): Buffer {
    if (this.cached) return this.cached;
    readOrCreateFile(this.path, () => this.seal(randomBytes(SYSTEMD_CREDS_KEY_BYTES)), 0o600);
    const key = this.unseal();
    if (key.length !== SYSTEMD_CREDS_KEY_BYTES) {
      throw new StartupError(
        `数据密钥凭据 ${this.path} 解封后是 ${key.length} 字节，应为 ${SYSTEMD_CREDS_KEY_BYTES}：文件不是本终端的数据密钥，未替换；请联系运维`,
        `the data key credential ${this.path} holds ${key.length} bytes, expected ${SYSTEMD_CREDS_KEY_BYTES}: not this terminal's data key; left in place, call operations`,
      );
    }
    this.cached = key;
    return key;
  }

  private run(args: string[], input?: Buffer): Buffer {
    return execFileSync(this.options.binary ?? 'systemd-creds', args, {
      ...(input ? { input } : {}),
      stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: this.options.env ?? process.env,
      timeout: this.options.timeoutMs ?? 30_000,
      maxBuffer: 1 << 20,
    });
  }

  private seal(key: Buffer): Buffer {
    const withKey = this.options.withKey ?? 'tpm2';
    const args = ['encrypt', `--name=${this.name}`, `--with-key=${withKey}`, ...(this.options.tpm2Device ? [`--tpm2-device=${this.options.tpm2Device}`] : []), '-', '-'];
    try {
      return this.run(args, key);
    } catch (e) {
      const reason = why(e);
      throw new StartupError(
        `无法用 systemd-creds（--with-key=${withKey}）封存数据密钥：${reason}。请确认终端有已启用的 TPM 2.0、已安装 TPM2 库（libtss2）且终端用户在 tss 组，或在站点配置中改选其他密钥保护`,
        `cannot seal the data key with systemd-creds (--with-key=${withKey}): ${reason}. Check that the terminal has an enabled TPM 2.0, the TPM2 libraries (libtss2) are installed and the kiosk user is in group tss, or choose another key protection in the site configuration`,
        { cause: e },
      );
    }
  }

  private unseal(): Buffer {
    try {
      return this.run(['decrypt', `--name=${this.name}`, this.path, '-']);
    } catch (e) {
      const reason = why(e);
      throw new StartupError(
        `无法解封数据密钥凭据 ${this.path}：${reason}。该文件可能来自另一台终端、已损坏，或本机 TPM 已被清除；文件未被替换，请联系运维`,
        `cannot unseal the data key credential ${this.path}: ${reason}. The file may come from another terminal, be corrupted, or this machine's TPM was cleared; it was left in place, call operations`,
        { cause: e },
      );
    }
  }
}

/**
 * True when `systemd-creds has-tpm2` reports full TPM 2.0 support (firmware,
 * driver, system and subsystem); false when it reports partial or none, or
 * the binary is missing. `env`/`binary` as in {@link SystemdCredsKeyProviderOptions}.
 */
export function hasTpm2(options: { binary?: string; env?: NodeJS.ProcessEnv } = {}): boolean {
  try {
    execFileSync(options.binary ?? 'systemd-creds', ['has-tpm2', '--quiet'], { stdio: 'ignore', env: options.env ?? process.env, timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
