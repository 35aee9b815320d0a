import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { KeyProtection } from '../../common/contract/schemas';
import type { KioskConfig } from '../core/config';
import { SAFE_STORAGE_KEY_FILE, SYSTEMD_CREDS_KEY_FILE } from '../core/keys/key-files';
import { hasTpm2, SystemdCredsKeyProvider } from '../core/keys/systemd-creds-key-provider';
import { StartupError } from '../core/startup-error';
import { SafeStorageKeyProvider } from './safe-storage-key-provider';

/** safeStorage backends on Linux that keep the key in a real keyring (a desktop session's libsecret or KWallet). */
export const KEYRING_BACKENDS: readonly string[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];


/**
 * The data key cannot be kept the way this terminal's site configuration
 * allows: the shell shows the out-of-service screen (`key-storage-refused`)
 * and logs `zh` / `en`; the core does not start.
 */
export class KeyStorageRefusedError extends StartupError {
  override name = 'KeyStorageRefusedError';
}

/** Options of {@link chooseKeyStorage}. */
export interface KeyStorageChoiceOptions {
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** `app.isPackaged`: a packaged build refuses weak protection unless `security.acceptWeakKeyStorage`. */
  isPackaged: boolean;
  /** The site configuration's `security` section. */
  security: KioskConfig['security'];
  /** Directory of the safeStorage key file (`app.getPath('userData')`). */
  userDataDir: string;
  /** Directory of the systemd-creds credential (`config.dataDir`, beside the database). */
  dataDir: string;
  /** Service log line (console and journal). */
  log: (line: string) => void;
  /** The systemd-creds binary and its environment (tests: a stand-in); default `systemd-creds` from PATH, `process.env`. */
  systemdCreds?: { binary?: string; env?: NodeJS.ProcessEnv };
}

/** The chosen key and what protects it. */
export interface KeyStorageChoice {
  /** The 32-byte data key (already read: a refusal happens here, before the core starts). */
  key: Buffer;
  /** Returns {@link key}; offline-cache's `KeyProvider` shape. */
  keyProvider: { getKey(): Buffer };
  protection: KeyProtection;
  /** `systemd-creds` or `safe-storage`: the provider that holds the key. */
  provider: 'systemd-creds' | 'safe-storage';
}

const refuse = (zh: string, en: string, cause?: unknown) => new KeyStorageRefusedError(zh, en, cause === undefined ? {} : { cause });
const WEAK_ZH = '请在有 TPM 2.0 的终端上使用 systemd-creds，或在有系统密钥环的桌面会话中运行；确需接受时在站点配置中设 security.acceptWeakKeyStorage: true（仅混淆，复制的磁盘能打开）';
const WEAK_EN = 'use systemd-creds on a terminal with a TPM 2.0, or run in a desktop session with a keyring; to accept it anyway set security.acceptWeakKeyStorage: true in the site configuration (obfuscation only: a copied disk opens it)';

/**
 * Chooses how the data key is kept and reads it, once, before the core
 * starts. Windows: safeStorage (DPAPI, `dpapi`). macOS: safeStorage
 * (Keychain, `keyring`). Linux, `security.keyStorage`:
 * - `systemd-creds`: a credential sealed with `security.systemdCredsKey`
 *   (`tpm2` by default: `tpm2`; `auto` without a TPM seals with the host key
 *   only: `host-key-accepted`, weak);
 * - `safe-storage`: Electron safeStorage; a keyring backend (libsecret,
 *   KWallet) is `keyring`, `basic_text` (a fixed public password) is weak;
 * - `auto`: the key already there decides (credential, else safeStorage key
 *   file), so a key is never replaced by another provider's; a fresh
 *   terminal uses systemd-creds when `systemd-creds has-tpm2` says yes, else
 *   safeStorage.
 * Weak protection is refused in a packaged build unless
 * `security.acceptWeakKeyStorage`; accepted (`*-accepted`) with a logged
 * warning otherwise. Throws {@link KeyStorageRefusedError} (Chinese and
 * English, with what to do) for every refusal and for every failure to read
 * or create the key (no TPM, a credential from another machine, safeStorage
 * unavailable, an explicit choice that would leave the other provider's key
 * behind); never falls back silently.
 */
export function chooseKeyStorage(options: KeyStorageChoiceOptions): KeyStorageChoice {
  const { platform, security } = options;
  const credPath = join(options.dataDir, SYSTEMD_CREDS_KEY_FILE);
  const safePath = join(options.userDataDir, SAFE_STORAGE_KEY_FILE);
  let provider: KeyStorageChoice['provider'];
  if (platform !== 'linux') {
    if (security.keyStorage === 'systemd-creds') {
      throw refuse(`站点配置选择了 systemd-creds，但它只在 Linux 上可用：请改为 auto 或 safe-storage`, `the site configuration chooses systemd-creds, which exists on Linux only: use auto or safe-storage`);
    }
    provider = 'safe-storage';
  } else if (security.keyStorage === 'auto') {
    const tpm = () => hasTpm2(options.systemdCreds);
    provider = existsSync(credPath) ? 'systemd-creds' : existsSync(safePath) ? 'safe-storage' : tpm() ? 'systemd-creds' : 'safe-storage';
  } else {
    provider = security.keyStorage;
    const other = provider === 'systemd-creds' ? safePath : credPath;
    if (existsSync(other)) {
      throw refuse(
        `站点配置选择了 ${provider}，但数据密钥已由另一种方式保存在 ${other}：换方式会使已存数据无法读取。请恢复原来的 security.keyStorage，或由运维迁移密钥`,
        `the site configuration chooses ${provider}, but the data key is already kept another way in ${other}: switching would make stored data unreadable. Restore the previous security.keyStorage, or have operations migrate the key`,
      );
    }
  }
  const chosen = provider === 'systemd-creds' ? systemdCredsChoice(options, credPath) : safeStorageChoice(options, safePath);
  options.log(`data key protection: ${chosen.protection} (${provider})`);
  return chosen;
}

/** Refuses weak protection in a packaged build unless accepted; logs the warning otherwise. */
function weak(options: KeyStorageChoiceOptions, what: { zh: string; en: string }): void {
  if (options.isPackaged && !options.security.acceptWeakKeyStorage) throw refuse(`数据密钥保护不足（${what.zh}），安装版拒绝使用：${WEAK_ZH}`, `data key protection is weak (${what.en}); a packaged build refuses it: ${WEAK_EN}`);
  options.log(`WARNING: data key protection is weak (${what.en}): obfuscation only, a copied disk opens it; ${options.isPackaged ? 'accepted by security.acceptWeakKeyStorage' : 'accepted in development'}`);
}

function systemdCredsChoice(options: KeyStorageChoiceOptions, path: string): KeyStorageChoice {
  const { systemdCredsKey, tpm2Device } = options.security;
  const withTpm = systemdCredsKey !== 'auto' || hasTpm2(options.systemdCreds);
  if (!withTpm) weak(options, { zh: 'systemd-creds 无 TPM，只用主机密钥', en: 'systemd-creds without a TPM uses the host key only' });
  const provider = new SystemdCredsKeyProvider({
    dir: options.dataDir,
    fileName: SYSTEMD_CREDS_KEY_FILE,
    withKey: systemdCredsKey,
    ...(tpm2Device ? { tpm2Device } : {}),
    ...(options.systemdCreds?.binary ? { binary: options.systemdCreds.binary } : {}),
    ...(options.systemdCreds?.env ? { env: options.systemdCreds.env } : {}),
  });
  const key = readKey(() => provider.getKey(), path);
  return { key, keyProvider: { getKey: () => key }, protection: withTpm ? 'tpm2' : 'host-key-accepted', provider: 'systemd-creds' };
}

function safeStorageChoice(options: KeyStorageChoiceOptions, path: string): KeyStorageChoice {
  if (!safeStorage.isEncryptionAvailable()) {
    throw refuse(
      `系统加密服务不可用（safeStorage${options.platform === 'win32' ? '，DPAPI' : ''}），无法保护数据密钥：请以终端用户登录的会话运行${options.platform === 'linux' ? '，或改用 systemd-creds（TPM 2.0）' : ''}`,
      `the OS encryption service is not available (safeStorage${options.platform === 'win32' ? ', DPAPI' : ''}), the data key cannot be protected: run in the kiosk user's logged-in session${options.platform === 'linux' ? ', or use systemd-creds (TPM 2.0)' : ''}`,
    );
  }
  let protection: KeyProtection = options.platform === 'win32' ? 'dpapi' : 'keyring';
  if (options.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text') {
      weak(options, { zh: 'safeStorage 没有密钥环，basic_text 是公开的固定密码', en: 'safeStorage has no keyring; basic_text is a fixed, public password' });
      protection = 'basic_text-accepted';
    } else if (!KEYRING_BACKENDS.includes(backend)) {
      throw refuse(`safeStorage 的后端是 ${backend}，不是已知的系统密钥环：无法保护数据密钥`, `safeStorage's backend is ${backend}, not a known keyring: the data key cannot be protected`);
    }
  }
  const provider = new SafeStorageKeyProvider({ dir: options.userDataDir, fileName: SAFE_STORAGE_KEY_FILE });
  const key = readKey(() => provider.getKey(), path);
  return { key, keyProvider: { getKey: () => key }, protection, provider: 'safe-storage' };
}

/** Reads the key; any failure becomes a {@link KeyStorageRefusedError} (a StartupError keeps its text). */
function readKey(read: () => Buffer, path: string): Buffer {
  try {
    return read();
  } catch (e) {
    if (e instanceof StartupError) throw refuse(e.zh, e.en, e);
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
    throw refuse(`无法读取数据密钥 ${path}：${message}。文件未被替换，请联系运维`, `cannot read the data key ${path}: ${message}. It was left in place, call operations`, e);
  }
}
