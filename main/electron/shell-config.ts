import { join } from 'node:path';
import { loadConfig, type KioskConfig } from '../core/config';
import { defaultA4PrinterMode } from './electron-a4-print-host';
import { packagedConfigPath, refuseUserWritableConfig } from './packaged-guard';

/**
 * The shell's kiosk configuration. Packaged: only the administrator-only file
 * at {@link packagedConfigPath} (refused when others can write it; nothing
 * from the environment; the platform URL must be https). Unpackaged: the
 * environment (`KIOSK_CONFIG`, `KIOSK_DATA_DIR`, …). The data directory
 * defaults to `<userData>/kiosk-data`; the A4 mode to the OS spooler on
 * Windows, CUPS elsewhere. Throws ConfigError / StartupError as loadConfig does.
 */
export function loadShellConfig(options: { isPackaged: boolean; userData: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv }): KioskConfig {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const a4PrinterMode = defaultA4PrinterMode(platform);
  const packagedConfig = options.isPackaged ? packagedConfigPath(platform, env) : null;
  if (packagedConfig) {
    refuseUserWritableConfig(packagedConfig);
    return loadConfig({ dataDir: join(options.userData, 'kiosk-data') }, { KIOSK_CONFIG: packagedConfig }, { a4PrinterMode, packaged: true });
  }
  return loadConfig({ dataDir: env.KIOSK_DATA_DIR ?? join(options.userData, 'kiosk-data') }, env, { a4PrinterMode });
}
