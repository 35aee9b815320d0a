import { app } from 'electron';
import electronUpdater from 'electron-updater';

/** Options of {@link setupUpdater}. */
export interface UpdaterOptions {
  /** True when nobody is using the kiosk (no session, attract screen). Polled before installing. */
  isIdle: () => boolean | Promise<boolean>;
  /** How often to check for updates, in ms. Default 6 hours. */
  checkIntervalMs?: number;
  /** How often to re-check idleness once an update is downloaded, in ms. Default 60 s. */
  idlePollMs?: number;
  /** Receives one line per updater event or failure. Default none. */
  log?: (line: string) => void;
}

/**
 * Background updates that never interrupt a person: electron-updater
 * downloads in the background (signature verification is electron-updater's
 * own); once an update is downloaded it is installed only when `isIdle()`
 * says so, never on quit. Does nothing when the app is not packaged.
 * Check failures are logged and retried at the next interval. Returns a stop
 * function. Maintenance windows, staged roll-out and version pinning are a
 * later issue.
 */
export function setupUpdater(options: UpdaterOptions): () => void {
  if (!app.isPackaged) return () => undefined;
  const { autoUpdater } = electronUpdater;
  const log = options.log ?? (() => undefined);
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  let idleTimer: ReturnType<typeof setInterval> | null = null;

  const check = (): void => {
    autoUpdater.checkForUpdates().catch((e: unknown) => log(`update check failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  autoUpdater.on('error', (e) => log(`updater error: ${e.message}`));
  autoUpdater.on('update-downloaded', (info) => {
    log(`update ${info.version} downloaded; installing when idle`);
    idleTimer ??= setInterval(() => {
      void Promise.resolve(options.isIdle()).then((idle) => {
        if (!idle) return;
        log(`installing update ${info.version}`);
        autoUpdater.quitAndInstall(true, true);
      }, () => undefined);
    }, options.idlePollMs ?? 60_000);
  });

  check();
  const checkTimer = setInterval(check, options.checkIntervalMs ?? 6 * 60 * 60 * 1000);
  return () => {
    clearInterval(checkTimer);
    if (idleTimer) clearInterval(idleTimer);
  };
}
