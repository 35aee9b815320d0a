import { app } from 'electron';
import electronUpdater, { type AppUpdater, type UpdateDownloadedEvent, type UpdateInfo } from 'electron-updater';
import type { KioskConfig } from '../core/config';
import { SYSTEM_CLOCK, type Clock } from '../supervisor/clock';
import { describeMaintenanceWindow, isInMaintenanceWindow, type MaintenanceWindow } from './update/maintenance-window';
import { createPublisherVerifier, type PublisherVerifier } from './update/publisher-verifier';
import { checkDownloadedUpdate, type UpdateRefusal } from './update/update-signature';
import { RELEASE_PUBLIC_KEY_PEM } from './update/release-public-key';
import { feedArtifact } from './update/feed-artifact';

/** The stable channel: a terminal on it never takes a prerelease version. */
export const STABLE_CHANNEL = 'latest';

/** A downloaded artifact that passed every check (sha512 of the feed, Ed25519 release signature). */
export interface VerifiedUpdate {
  version: string;
  /** Path of the downloaded artifact in electron-updater's cache. */
  file: string;
  /** Its sha512 (base64), as the feed states it and as signed. */
  sha512: string;
  /** The detached release signature (base64) from the feed's `kioskSignature`. */
  signature: string;
}

/**
 * Why an update was refused: the signature checks of update-signature.ts,
 * `publisher-mismatch` (Windows: the installer is not signed by the
 * configured publisher), `unverifiable` (the artifact could not be read).
 */
export type UpdateRefusalReason = UpdateRefusal | 'publisher-mismatch' | 'unverifiable';

/** What the updater reports of a refused update (for the log and the heartbeat). */
export interface RefusedUpdate {
  /** The refused version, or null when electron-updater did not say which. */
  version: string | null;
  reason: UpdateRefusalReason;
  /** One line of detail (an error message), when there is one. */
  detail?: string;
}

/** Options of {@link setupUpdater} and {@link configureUpdater}. */
export interface UpdaterOptions {
  /** True when nobody is using the kiosk (no session, attract screen). Polled before installing; a rejection counts as not idle. */
  isIdle: () => boolean | Promise<boolean>;
  /** True once the shell is shutting down: from then on nothing is installed, even an install about to start. Default never (stopping the updater has the same effect). */
  isShuttingDown?: () => boolean;
  /** Install only inside this daily window of local time (`{ start: '02:00', end: '05:00', timeZone }`); null or absent = at any idle moment. */
  maintenanceWindow?: MaintenanceWindow | null;
  /** The generic feed to read (`<platform>/updates/<channel>/`) and the channel (`latest` = stable). Default the feed of `app-update.yml`. */
  feed?: { url: string; channel: string };
  /** How often to check for updates, in ms. Default 6 hours. */
  checkIntervalMs?: number;
  /** How often to re-check the window and idleness once an update is downloaded, in ms. Default 60 s. */
  idlePollMs?: number;
  /** Time source and timers (tests inject one). Default the system clock. */
  clock?: Clock;
  /** Receives one line per updater event or failure. Default none. */
  log?: (line: string) => void;
  /** The release key that signs updates (Ed25519, SPKI PEM). Default the key built into the app. */
  publicKeyPem?: string;
  /** Windows: checks the installer's Authenticode publisher (NsisUpdater's `verifyUpdateCodeSignature`). Default {@link createPublisherVerifier} (fails closed). */
  verifyPublisher?: PublisherVerifier;
  /**
   * Hands a verified update to the installer; resolves true when the install
   * was started. Default electron-updater's `quitAndInstall(true, true)`
   * (silent, relaunch after). A rejection or false is logged and the update
   * is dropped until the next check.
   */
  install?: (update: VerifiedUpdate) => boolean | Promise<boolean>;
  /** Called once an install was started. */
  onInstalled?: (update: VerifiedUpdate) => void;
  /** Called for every refused update (unsigned, bad signature, tampered, wrong publisher), with the reason; the update is not installed. */
  onRefused?: (refusal: RefusedUpdate) => void;
}

/** The part of electron-updater's `AppUpdater` the kiosk drives (its own classes in tests, `autoUpdater` in the shell). */
export type KioskUpdater = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'allowPrerelease' | 'allowDowngrade' | 'isUpdateSupported' | 'checkForUpdates' | 'quitAndInstall' | 'setFeedURL' | 'on'
> & { verifyUpdateCodeSignature?: PublisherVerifier };

/** A semver version with a prerelease part (`1.3.0-beta.1`). */
function isPrerelease(version: string): boolean {
  return /^v?\d+\.\d+\.\d+-/.test(version);
}

/**
 * What a terminal accepts from the feed: on the stable channel (`latest`,
 * the default) never a prerelease (the generic provider offers whatever the
 * feed names, `allowPrerelease` only filters GitHub releases, so the kiosk
 * refuses them itself); never a lower version (electron-updater's channel
 * setter would allow one: this resets it); `stagingPercentage` in the feed
 * is honoured by electron-updater.
 */
export function applyUpdatePolicy(updater: KioskUpdater, channel: string = STABLE_CHANNEL): void {
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  const supported = updater.isUpdateSupported;
  updater.isUpdateSupported = (info) => !(channel === STABLE_CHANNEL && isPrerelease(info.version)) && supported(info);
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Background updates that never interrupt a person and never install an
 * unverified artifact. Checks the feed now and every `checkIntervalMs`;
 * electron-updater downloads in the background (no UI) and stages the
 * roll-out by `stagingPercentage`; prereleases (stable channel) and lower
 * versions are never taken; Windows installers must carry the configured
 * publisher's signature. A downloaded artifact is installed only when its
 * sha512 matches the feed and its Ed25519 release signature verifies —
 * checked when it arrives and again just before install — and only at a
 * poll (every `idlePollMs`) that finds the kiosk inside the maintenance
 * window and idle, never on quit, never once shutting down. A refused
 * artifact is logged and reported through `onRefused`, never installed.
 * Returns a stop function (after it, nothing is checked or installed).
 */
export function configureUpdater(updater: KioskUpdater, options: UpdaterOptions): () => void {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? SYSTEM_CLOCK;
  const window = options.maintenanceWindow ?? null;
  const publicKeyPem = options.publicKeyPem ?? RELEASE_PUBLIC_KEY_PEM;
  if (options.feed) updater.setFeedURL({ provider: 'generic', url: options.feed.url, channel: options.feed.channel });
  applyUpdatePolicy(updater, options.feed?.channel);
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  if ('verifyUpdateCodeSignature' in updater) updater.verifyUpdateCodeSignature = options.verifyPublisher ?? createPublisherVerifier();
  const install =
    options.install ??
    ((): boolean => {
      updater.quitAndInstall(true, true);
      return true;
    });

  let stopped = false;
  let offered: string | null = null;
  let pending: VerifiedUpdate | null = null;
  let waitingFor: string | null = null;
  let installTimer: unknown = null;
  let checkTimer: unknown = null;
  const shuttingDown = (): boolean => stopped || (options.isShuttingDown?.() ?? false);

  const refuse = (refusal: RefusedUpdate): void => {
    log(`update ${refusal.version ?? '(unknown)'} refused (${refusal.reason}): not installed${refusal.detail ? ` — ${refusal.detail}` : ''}`);
    options.onRefused?.(refusal);
  };
  const verify = async (update: { version: string; file: string; sha512: string; signature: string | undefined }): Promise<VerifiedUpdate | null> => {
    let refusal: UpdateRefusal | null;
    try {
      refusal = await checkDownloadedUpdate(update, publicKeyPem);
    } catch (e) {
      refuse({ version: update.version, reason: 'unverifiable', detail: message(e) });
      return null;
    }
    if (refusal) {
      refuse({ version: update.version, reason: refusal });
      return null;
    }
    return { ...update, signature: update.signature ?? '' };
  };
  const wait = (why: string, version: string): void => {
    if (waitingFor !== why) log(`update ${version} waits: ${why}`);
    waitingFor = why;
    installTimer = clock.setTimeout(() => void tryInstall(), options.idlePollMs ?? 60_000);
  };
  const inWindow = (): boolean => window === null || isInMaintenanceWindow(window, clock.now());

  const tryInstall = async (): Promise<void> => {
    installTimer = null;
    const update = pending;
    if (!update || shuttingDown()) return;
    if (!inWindow()) return wait(`outside the maintenance window ${describeMaintenanceWindow(window!)}`, update.version);
    const idle = await Promise.resolve(options.isIdle()).catch(() => false);
    if (shuttingDown()) return void log(`update ${update.version} not installed: shutting down`);
    if (!idle) return wait('kiosk in use', update.version);
    // The file may have sat in the cache for hours: its bytes are checked again right before install.
    const verified = await verify(update);
    if (pending !== update) return;
    pending = null;
    if (!verified) return;
    if (shuttingDown()) return void log(`update ${update.version} not installed: shutting down`);
    if (!inWindow()) {
      pending = update;
      return wait(`outside the maintenance window ${describeMaintenanceWindow(window!)}`, update.version);
    }
    log(`installing update ${update.version}`);
    waitingFor = null;
    const started = await Promise.resolve()
      .then(() => install(verified))
      .catch((e: unknown) => {
        log(`update ${update.version} install failed: ${message(e)}`);
        return false;
      });
    if (started) options.onInstalled?.(verified);
    else log(`update ${update.version} was not installed; retried after the next check`);
  };

  updater.on('update-available', (info: UpdateInfo) => {
    offered = info.version;
  });
  updater.on('error', (e: Error & { code?: string }) => {
    if (e.code === 'ERR_CHECKSUM_MISMATCH') refuse({ version: offered, reason: 'digest-mismatch', detail: 'the downloaded bytes are not the ones the feed states (electron-updater sha512 check)' });
    else if (e.code === 'ERR_UPDATER_INVALID_SIGNATURE') refuse({ version: offered, reason: 'publisher-mismatch', detail: e.message });
    else log(`updater error: ${e.message}`);
  });
  updater.on('update-downloaded', (event: UpdateDownloadedEvent) => {
    void verify({ version: event.version, file: event.downloadedFile, ...feedArtifact(event.files, event.downloadedFile, event.sha512) }).then((verified) => {
      if (!verified || shuttingDown()) return;
      log(`update ${event.version} downloaded and verified; installing when idle${window ? ` inside the maintenance window ${describeMaintenanceWindow(window)}` : ''}`);
      pending = verified;
      waitingFor = null;
      if (installTimer === null) installTimer = clock.setTimeout(() => void tryInstall(), options.idlePollMs ?? 60_000);
    });
  });

  const check = (): void => {
    checkTimer = null;
    if (shuttingDown()) return;
    updater
      .checkForUpdates()
      // A failed background download is reported through the 'error' event; its promise must not go unhandled.
      .then((result) => void result?.downloadPromise?.catch(() => undefined))
      .catch((e: unknown) => log(`update check failed: ${message(e)}`));
    checkTimer = clock.setTimeout(check, options.checkIntervalMs ?? 6 * 60 * 60 * 1000);
  };
  check();
  return () => {
    stopped = true;
    if (checkTimer !== null) clock.clearTimeout(checkTimer);
    if (installTimer !== null) clock.clearTimeout(installTimer);
  };
}

/**
 * The updater options a kiosk configuration sets (`updates` in
 * kiosk-config.json): the feed — `updates.feedUrl`, else
 * `<platformUrl>/updates/<channel>/`, else none (electron-updater then reads
 * the feed of app-update.yml) — and the maintenance window in the
 * terminal's `timeZone`.
 */
export function updaterSettingsFrom(config: Pick<KioskConfig, 'platformUrl' | 'timeZone' | 'updates'>): Pick<UpdaterOptions, 'feed' | 'maintenanceWindow'> {
  const { channel, feedUrl, maintenanceWindow } = config.updates;
  const url = feedUrl ?? (config.platformUrl ? `${config.platformUrl.replace(/\/+$/, '')}/updates/${channel}/` : null);
  return { ...(url ? { feed: { url, channel } } : {}), maintenanceWindow: { ...maintenanceWindow, timeZone: config.timeZone } };
}

/** {@link configureUpdater} on electron-updater's `autoUpdater`; does nothing when the app is not packaged. */
export function setupUpdater(options: UpdaterOptions): () => void {
  if (!app.isPackaged) return () => undefined;
  return configureUpdater(electronUpdater.autoUpdater, options);
}
