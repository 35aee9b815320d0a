import { statSync, type Stats } from 'node:fs';
import { dirname, posix, win32 } from 'node:path';
import { EXIT_STARTUP_CONFIG, ReportedStartupFailure } from '../core/startup-failure';

/** Environment variables that only a development shell honours; a packaged shell refuses to start with any of them set. */
export const DEV_OVERRIDE_ENV = ['KIOSK_WINDOWED', 'KIOSK_PLATFORM_URL', 'KIOSK_CONFIG', 'KIOSK_DATA_DIR'] as const;

/** Command-line switches (with or without `=value`) that open the shell to a debugger; refused by a packaged shell. */
export const DEV_OVERRIDE_SWITCHES = ['--inspect', '--inspect-brk', '--inspect-port', '--remote-debugging-port', '--remote-debugging-pipe'] as const;

/** What the shell is started with. */
export interface LaunchInputs {
  env: NodeJS.ProcessEnv;
  /** `process.argv` (Electron puts its own switches there). */
  argv: readonly string[];
  /** `process.execArgv` (Node's own switches). */
  execArgv: readonly string[];
}

/**
 * The development overrides present in a launch, in the order of
 * {@link DEV_OVERRIDE_ENV} then {@link DEV_OVERRIDE_SWITCHES}: a variable
 * counts when it is set at all (even empty), a switch in `argv`,
 * `execArgv` or `NODE_OPTIONS`. Empty when there are none.
 */
export function findDevOverrides(launch: LaunchInputs): string[] {
  const found: string[] = DEV_OVERRIDE_ENV.filter((name) => launch.env[name] !== undefined);
  const args = [...launch.argv, ...launch.execArgv, ...(launch.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const sw of DEV_OVERRIDE_SWITCHES) if (args.some((a) => a === sw || a.startsWith(`${sw}=`))) found.push(sw);
  return found;
}

/**
 * Refuses a packaged launch that carries development overrides: throws a
 * start-up failure of one line in Chinese and English naming every
 * override found (exit 2, as a configuration refusal). Returns quietly in
 * development or when there are none.
 */
export function refuseDevOverrides(isPackaged: boolean, launch: LaunchInputs): void {
  if (!isPackaged) return;
  const found = findDevOverrides(launch);
  if (found.length === 0) return;
  const list = found.join(', ');
  throw new ReportedStartupFailure(
    `自助终端未启动：安装版不接受开发用设置 ${list}，请去掉后再启动 / kiosk not started: a packaged build refuses development overrides ${list}; remove them and start again`,
    EXIT_STARTUP_CONFIG,
  );
}

/**
 * The one place a packaged shell reads its configuration, per OS (the
 * installer creates it writable by administrators only):
 * Windows `%ProgramData%\GovKiosk\kiosk-config.json` (`C:\ProgramData` when
 * the variable is missing), macOS `/Library/Application Support/GovKiosk/kiosk-config.json`,
 * Linux and others `/etc/gov-kiosk/kiosk-config.json`.
 */
export function packagedConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = {}): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'GovKiosk', 'kiosk-config.json');
  if (platform === 'darwin') return posix.join('/Library/Application Support/GovKiosk', 'kiosk-config.json');
  return posix.join('/etc/gov-kiosk', 'kiosk-config.json');
}

/**
 * POSIX check that the packaged configuration and its folder can be changed
 * only by an administrator: each, when it exists, is owned by `adminUid`
 * (default 0, root) and not writable by group or others. Throws a one-line
 * start-up failure in Chinese and English (exit 2) otherwise. A missing
 * file is left to the configuration loader (which says so). On Windows the
 * installer sets the ACL (docs/operations.md) and this check does nothing.
 */
export function refuseUserWritableConfig(path: string, options: { platform?: NodeJS.Platform; adminUid?: number; stat?: (p: string) => Stats | null } = {}): void {
  if ((options.platform ?? process.platform) === 'win32') return;
  const adminUid = options.adminUid ?? 0;
  const stat = options.stat ?? statOrNull;
  for (const target of [path, dirname(path)]) {
    const s = stat(target);
    if (!s) continue;
    if (s.uid !== adminUid || (s.mode & 0o022) !== 0) {
      throw new ReportedStartupFailure(
        `自助终端未启动：配置 ${target} 不是只有管理员可写（应属 root，权限如 644 或 755） / kiosk not started: configuration ${target} is writable by someone other than the administrator (it must be owned by root, mode like 644/755)`,
        EXIT_STARTUP_CONFIG,
      );
    }
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
