import { basename } from 'node:path';
import { app } from 'electron';
import electronUpdater, { type AppUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import { checkDownloadedUpdate } from './update/update-signature';
import { RELEASE_PUBLIC_KEY_PEM } from './update/release-public-key';

/** Options of {@link setupUpdater} and {@link configureUpdater}. */
export interface UpdaterOptions {
  /** True when nobody is using the kiosk (no session, attract screen). Polled before installing. */
  isIdle: () => boolean | Promise<boolean>;
  /** How often to check for updates, in ms. Default 6 hours. */
  checkIntervalMs?: number;
  /** How often to re-check idleness once an update is downloaded, in ms. Default 60 s. */
  idlePollMs?: number;
  /** Receives one line per updater event or failure. Default none. */
  log?: (line: string) => void;
  /** The release key that signs updates (Ed25519, SPKI PEM). Default the key built into the app. */
  publicKeyPem?: string;
}

/** The part of electron-updater's `AppUpdater` the kiosk drives (its own classes in tests, `autoUpdater` in the shell). */
export type KioskUpdater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease' | 'allowDowngrade' | 'isUpdateSupported' | 'checkForUpdates' | 'quitAndInstall' | 'on'>;

/** A semver version with a prerelease part (`1.3.0-beta.1`). */
function isPrerelease(version: string): boolean {
  return /^v?\d+\.\d+\.\d+-/.test(version);
}

/**
 * What a terminal accepts from the feed: never a prerelease (the generic
 * provider offers whatever the feed names, `allowPrerelease` only filters
 * GitHub releases, so the kiosk refuses them itself), never a lower version;
 * `stagingPercentage` in the feed is honoured by electron-updater.
 */
export function applyUpdatePolicy(updater: KioskUpdater): void {
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  const supported = updater.isUpdateSupported;
  updater.isUpdateSupported = (info) => !isPrerelease(info.version) && supported(info);
}

/** The feed entry of the downloaded artifact: its sha512 and the kiosk's detached signature (`kioskSignature`, added by the release script). */
function artifactOf(event: UpdateDownloadedEvent): { sha512: string; signature: string | undefined } {
  const name = basename(event.downloadedFile);
  const entry = event.files.find((f) => basename(f.url) === name) ?? event.files[0];
  const signature = (entry as { kioskSignature?: unknown } | undefined)?.kioskSignature;
  return { sha512: entry?.sha512 ?? event.sha512 ?? '', signature: typeof signature === 'string' ? signature : undefined };
}

/**
 * Background updates that never interrupt a person and never install an
 * unsigned artifact: downloads in the background; prereleases are never
 * offered and a lower version is never taken (electron-updater's
 * `stagingPercentage` stages the roll-out across terminals); a downloaded
 * artifact is installed only when its sha512 matches the feed and its
 * Ed25519 signature by the release key verifies, and only once `isIdle()`
 * says so, never on quit. A refused artifact is logged and not installed.
 * Returns a stop function.
 */
export function configureUpdater(updater: KioskUpdater, options: UpdaterOptions): () => void {
  const log = options.log ?? (() => undefined);
  applyUpdatePolicy(updater);
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  let idleTimer: ReturnType<typeof setInterval> | null = null;

  const check = (): void => {
    updater.checkForUpdates().catch((e: unknown) => log(`update check failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  updater.on('error', (e) => log(`updater error: ${e.message}`));
  updater.on('update-downloaded', (event) => {
    const { sha512, signature } = artifactOf(event);
    void checkDownloadedUpdate({ file: event.downloadedFile, sha512, signature }, options.publicKeyPem ?? RELEASE_PUBLIC_KEY_PEM).then(
      (refusal) => {
        if (refusal) {
          log(`update ${event.version} refused (${refusal}): not installed`);
          return;
        }
        log(`update ${event.version} downloaded and verified; installing when idle`);
        idleTimer ??= setInterval(() => {
          void Promise.resolve(options.isIdle()).then((idle) => {
            if (!idle) return;
            log(`installing update ${event.version}`);
            updater.quitAndInstall(true, true);
          }, () => undefined);
        }, options.idlePollMs ?? 60_000);
      },
      (e: unknown) => log(`update ${event.version} could not be verified: ${e instanceof Error ? e.message : String(e)}`),
    );
  });

  check();
  const checkTimer = setInterval(check, options.checkIntervalMs ?? 6 * 60 * 60 * 1000);
  return () => {
    clearInterval(checkTimer);
    if (idleTimer) clearInterval(idleTimer);
  };
}

/** {@link configureUpdater} on electron-updater's `autoUpdater`; does nothing when the app is not packaged. */
export function setupUpdater(options: UpdaterOptions): () => void {
  if (!app.isPackaged) return () => undefined;
  return configureUpdater(electronUpdater.autoUpdater, options);
}
