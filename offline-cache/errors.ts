import { KioskError } from '../common/contract/errors';

/** Codes of {@link StorageError}: the disk is full, the database file is damaged, or it was sealed with another key. */
export type StorageErrorCode = 'storage-full' | 'storage-corrupt' | 'storage-key-mismatch';

const MESSAGES: Record<StorageErrorCode, { zh: string; en: string }> = {
  'storage-full': {
    zh: '终端存储空间已满，暂时无法保存新的申请，请联系工作人员。已保存的申请不会丢失。',
    en: 'The terminal storage is full; new applications cannot be saved right now. Please ask staff for help. Applications already saved are not lost.',
  },
  'storage-corrupt': {
    zh: '终端数据文件异常，暂时无法保存新的申请，请联系工作人员。已保存的申请不会丢失。',
    en: 'The terminal data file is damaged; new applications cannot be saved right now. Please ask staff for help. Applications already saved are not lost.',
  },
  'storage-key-mismatch': {
    zh: '终端数据文件的加密密钥与当前密钥不一致（例如用 kioskctl 打开了 Electron 终端的数据目录），已拒绝打开，数据未被改动。请联系工作人员。',
    en: 'The data file was sealed with a different key (e.g. kioskctl opened an Electron terminal\'s data dir); it was not opened and nothing was changed. Please ask staff for help.',
  },
};

/**
 * A storage failure that refuses new writes. Carries a citizen-facing message
 * in Simplified Chinese (`messageZh`) and English (`messageEn`); `message` is
 * the English text. Never carries personal data.
 */
export class StorageError extends KioskError {
  /** Citizen-facing message, Simplified Chinese. */
  readonly messageZh: string;
  /** Citizen-facing message, English. */
  readonly messageEn: string;
  declare readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, cause?: unknown) {
    super(code, MESSAGES[code].en);
    this.name = 'StorageError';
    this.messageZh = MESSAGES[code].zh;
    this.messageEn = MESSAGES[code].en;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC']);
const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE']);

/**
 * Maps an error thrown by better-sqlite3 or the file system to a
 * {@link StorageError}, or returns null when it is neither "full" nor "corrupt".
 */
export function classifyStorageError(error: unknown): StorageError | null {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL_CODES.has(code)) return new StorageError('storage-full', error);
  if (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT')) return new StorageError('storage-corrupt', error);
  return null;
}
