import { chmodSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StorageError } from '../../offline-cache/index';
import { ConfigError } from './config-problems';
import { StartupError } from './startup-error';

export { StartupError } from './startup-error';

/**
 * A failure another process has already described (the core in its own
 * process reports its {@link StartupFailure} over the port): passed on as is.
 */
export class ReportedStartupFailure extends Error {
  override name = 'ReportedStartupFailure';
  constructor(
    readonly text: string,
    readonly exitCode: number,
  ) {
    super(text);
  }
}

/** Exit status of a start-up refused for an invalid configuration (as kioskctl). */
export const EXIT_STARTUP_CONFIG = 2;
/** Exit status of every other start-up failure. */
export const EXIT_STARTUP_FAILED = 1;

const errno = (e: unknown): string | null => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null);

/**
 * Creates the data directory (mode 0700) and proves it is writable by
 * writing and removing a probe file. Throws {@link StartupError} that names
 * the directory and what to do when it cannot be created or written
 * (permission, read-only file system, a file in the way, disk full).
 */
export function prepareDataDir(dir: string): void {
  const where = resolve(dir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '', { flag: 'w', mode: 0o600 });
    unlinkSync(probe);
  } catch (e) {
    const code = errno(e) ?? 'error';
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有写入权限', en: 'permission denied' }
        : code === 'EROFS'
          ? { zh: '文件系统是只读的', en: 'read-only file system' }
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? { zh: '路径上有同名文件挡住', en: 'a file is in the way' }
            : code === 'ENOSPC'
              ? { zh: '磁盘已满', en: 'disk full' }
              : { zh: code, en: code };
    throw new StartupError(
      `数据目录 ${where} 无法写入（${why.zh}）：请让终端用户可写（chown/chmod 700），或用 KIOSK_DATA_DIR 指定另一个目录`,
      `data directory ${where} is not writable (${why.en}): make it writable for the kiosk user (chown, chmod 700) or set KIOSK_DATA_DIR to another directory`,
      { cause: e },
    );
  }
}

/** A failure as printed at start-up: the text (one line, or one per configuration problem) and the exit status. */
export interface StartupFailure {
  text: string;
  exitCode: number;
}

/**
 * What to print when the kiosk fails to start, in Chinese and English with
 * what to do, and the exit status: never a stack trace. Configuration errors
 * keep their one-line-per-problem form (exit 2); the port in use, the data
 * directory, storage and embedded-platform failures are one line (exit 1);
 * anything else is one line with its message (KIOSK_VERBOSE=1 shows the
 * stack, for support).
 */
export function describeStartupFailure(e: unknown, env: NodeJS.ProcessEnv = process.env): StartupFailure {
  const head = '自助终端未能启动 / kiosk did not start';
  if (e instanceof ReportedStartupFailure) return { text: e.text, exitCode: e.exitCode };
  if (e instanceof ConfigError) return { text: `${head}\n${e.message}`, exitCode: EXIT_STARTUP_CONFIG };
  if (e instanceof StartupError) return { text: `${head}: ${e.zh} / ${e.en}`, exitCode: EXIT_STARTUP_FAILED };
  if (e instanceof StorageError) return { text: `${head}: ${e.messageZh} / ${e.messageEn}`, exitCode: EXIT_STARTUP_FAILED };
  const code = errno(e);
  const port = (e as { port?: unknown } | null)?.port;
  if (code === 'EADDRINUSE') {
    const p = typeof port === 'number' ? String(port) : '?';
    return {
      text: `${head}: 端口 ${p} 已被占用：请关闭占用它的程序（如另一个终端实例），或设 KIOSK_WEB_PORT 为另一个端口（0 = 自动选择）/ port ${p} is already in use: stop the program holding it (another kiosk instance?) or set KIOSK_WEB_PORT to another port (0 = any free port)`,
      exitCode: EXIT_STARTUP_FAILED,
    };
  }
  if (code === 'EACCES' && typeof port === 'number') {
    return {
      text: `${head}: 没有权限使用端口 ${port}：请用 1024 以上的端口（KIOSK_WEB_PORT）/ no permission to listen on port ${port}: use a port above 1024 (KIOSK_WEB_PORT)`,
      exitCode: EXIT_STARTUP_FAILED,
    };
  }
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  const details = env.KIOSK_VERBOSE === '1' && e instanceof Error && e.stack ? `\n${e.stack}` : ' (KIOSK_VERBOSE=1 显示详情 / for details)';
  return { text: `${head}: ${message}${details}`, exitCode: EXIT_STARTUP_FAILED };
}
