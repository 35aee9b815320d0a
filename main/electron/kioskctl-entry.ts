import type { App } from 'electron';
import { EXIT } from '../cli/cli-types';
import { readSecret } from '../cli/read-secret';
import { runTechnicianKioskctl } from '../cli/technician-kioskctl';
import { ConfigError } from '../core/config';
import { chooseKeyStorage, KeyStorageRefusedError } from './key-storage-choice';
import { loadShellConfig } from './shell-config';

/** The switch that makes the app binary run kioskctl instead of the kiosk. */
export const KIOSKCTL_SWITCH = '--kioskctl';

/** kioskctl's arguments when the app was started as `<app> … --kioskctl <args…>`, else null. */
export function kioskctlArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(KIOSKCTL_SWITCH);
  return at === -1 ? null : argv.slice(at + 1);
}

/**
 * Runs kioskctl inside the app (`gov-kiosk --kioskctl --credential FILE
 * <command> …`; the .deb's `/usr/bin/kioskctl` wrapper passes the switch):
 * the shell's own configuration and sealed key provider (a packaged build's
 * RunAsNode fuse is off, so no plain `node` process can reach the key), the
 * technician checked first (main/cli/technician-kioskctl.ts). Nothing of the
 * kiosk starts: no window, no core. Output goes to stdout/stderr as plain
 * kioskctl's; the shell's own lines go to stderr so `--json` stays parseable.
 * Resolves the exit status; a refused key storage or configuration is one
 * line on stderr and exit 1 / 2.
 */
export async function runKioskctlEntry(args: string[], deps: { app: Pick<App, 'whenReady' | 'getPath' | 'isPackaged'> }): Promise<number> {
  const stderr = (text: string): void => void process.stderr.write(text);
  await deps.app.whenReady();
  const userData = deps.app.getPath('userData');
  let config;
  try {
    config = loadShellConfig({ isPackaged: deps.app.isPackaged, userData });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    stderr(`${e.message}\n`);
    return EXIT.config;
  }
  let keys;
  try {
    keys = chooseKeyStorage({ platform: process.platform, isPackaged: deps.app.isPackaged, security: config.security, userDataDir: userData, dataDir: config.dataDir, log: (line) => stderr(`[kioskctl] ${line}\n`) });
  } catch (e) {
    if (!(e instanceof KeyStorageRefusedError)) throw e;
    stderr(`kioskctl: ${e.zh} / ${e.en}\n`);
    return EXIT.failure;
  }
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return runTechnicianKioskctl(args, { stdout: (t) => void process.stdout.write(t), stderr, stopSignal }, { dataDir: config.dataDir, keys: keys.keyProvider, readSecret });
}
