// Electron main process: the thin shell around main/core. Start-up is one
// setupX() per feature; the order below matters and each step says why.
import { join } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { createKioskCore } from '../core/create-kiosk-core';
import { describeStartupFailure } from '../core/startup-failure';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import type { KioskCoreHandle } from './core-handle';
import { ElectronA4PrintHost } from './electron-a4-print-host';
import { setupIpc } from './ipc';
import { setupGlobalLockdown, setupLockdown } from './lockdown';
import { setupShellLockdown } from './shell-lockdown';
import { chooseKeyStorage, KeyStorageRefusedError, type KeyStorageChoice } from './key-storage-choice';
import { serveOutOfService } from './out-of-service-shell';
import { setupUpdater, updaterSettingsFrom, type VerifiedUpdate } from './updater';
import electronUpdater from 'electron-updater';
import { KIOSK_VERSION } from '../core/version';
import { routeInstallsToInstaller } from './update/no-pkexec-install';
import { electronUpdaterFetch } from './update/pinned-release-fetch';
import { startPinnedUpdates, type PinnedUpdates } from './update/pinned-updates';
import { RELEASE_PUBLIC_KEY_PEM } from './update/release-public-key';
import { setupRendererWatchdog } from './watchdog';
import { setupShellCrashHandlers } from './shell-crash';
import { startSdNotify } from '../supervisor/sd-notify';
import { observeCalls, watchKioskActivity } from '../supervisor/kiosk-activity';
import { scheduleNightlyRestart } from '../supervisor/nightly-restart';
import { createKioskWindow, loadKioskApp } from './window';
import { refuseDevOverrides } from './packaged-guard';
import { kioskctlArguments, runKioskctlEntry } from './kioskctl-entry';
import { loadShellConfig } from './shell-config';
import { DEV_ENROLMENT_SITE, loadDevShellTools, type DevPlatform } from './dev-shell';

const log = (line: string): void => void process.stdout.write(`[electron] ${line}\n`);

// 0. An uncaught error in the shell never shows Electron's modal box: logged, then a controlled relaunch.
setupShellCrashHandlers({ app, log });

// 1. Privileged scheme: Electron accepts it only before `ready`.
registerAppScheme();

/** One clear line in Chinese and English with what to do (one per configuration problem), never a stack trace. */
function failStartup(e: unknown): void {
  const failure = describeStartupFailure(e);
  for (const line of failure.text.split('\n')) log(line);
  app.exit(failure.exitCode);
}

// 2. A packaged shell refuses development overrides (env and debugger switches) before anything starts.
function refusedAtLaunch(): boolean {
  try {
    refuseDevOverrides(app.isPackaged, { env: process.env, argv: process.argv, execArgv: process.execArgv });
    return false;
  } catch (e) {
    failStartup(e);
    return true;
  }
}
const refused = refusedAtLaunch();

// 2b. `gov-kiosk --kioskctl …`: the technician's tool inside the app (with RunAsNode off, the only way a command
//     reaches the sealed data key). No window, and no single-instance lock: the kiosk itself keeps running.
const kioskctlArgv = kioskctlArguments(process.argv);
if (!refused && kioskctlArgv) runKioskctlEntry(kioskctlArgv, { app }).then((code) => app.exit(code), failStartup);
// 3. One instance per machine: a second launch quits at once.
else if (!refused && !app.requestSingleInstanceLock()) app.quit();
else if (!refused) start().catch(failStartup);

async function start(): Promise<void> {
  // 4. Global lockdown first, so no webContents ever exists without it.
  setupGlobalLockdown();
  await app.whenReady();
  const appRoot = app.getAppPath();

  // 5. Renderer files at kiosk://app/ before any window loads.
  setupAppProtocol(join(appRoot, 'dist', 'renderer'));

  // 6. The core (plain Node), after its configuration and its data key.
  const userData = app.getPath('userData');
  //    A4: mode "os" (the OS spooler through Electron's printing API) is the
  //    default on Windows, CUPS elsewhere. The host is offered on every platform
  //    but used only in mode "os", and opens no window until it is used.
  //    Packaged: the configuration is the administrator-only file at packagedConfigPath (nothing from the environment), and its platform URL must be https.
  const config = loadShellConfig({ isPackaged: app.isPackaged, userData });
  //    The data key: DPAPI on Windows; on Linux a TPM2-sealed systemd-creds credential or the desktop keyring.
  //    Weak protection (basic_text, host key without TPM) is refused packaged unless the site configuration accepts it:
  //    the window then shows the out-of-service screen and the core never starts.
  let keys: KeyStorageChoice;
  try {
    keys = chooseKeyStorage({ platform: process.platform, isPackaged: app.isPackaged, security: config.security, userDataDir: userData, dataDir: config.dataDir, log });
  } catch (e) {
    if (!(e instanceof KeyStorageRefusedError)) throw e;
    log(`key-storage-refused: ${e.zh} / ${e.en}`);
    await serveOutOfService({ appRoot, state: { inService: false, reason: 'key-storage-refused' }, kiosk: process.env.KIOSK_WINDOWED !== '1', devTools: !app.isPackaged, log });
    return;
  }
  //    Development switch: only an unpackaged shell loads the development bundle
  //    (dist/electron/dev.cjs: embedded platform-sim, simulator controls); the
  //    packaged main.cjs contains none of it and a packaged build must configure platformUrl.
  const dev = loadDevShellTools({ isPackaged: app.isPackaged, bundleDir: join(appRoot, 'dist', 'electron') });
  let platform: DevPlatform | null = null;
  if (!config.platformUrl && dev) {
    //    Signed requests on in development too: the platform requires them and the core enrols itself with the code it issued.
    platform = await dev.startEmbeddedPlatform({ dataDir: join(config.dataDir, 'platform-sim'), requireSignedRequests: true, issueEnrolmentCode: DEV_ENROLMENT_SITE });
    config.platformUrl = platform.url;
  }
  let kioskWindow: BrowserWindow | null = null;
  const a4PrintHost = new ElectronA4PrintHost({ queryContents: () => (kioskWindow && !kioskWindow.isDestroyed() ? kioskWindow.webContents : null) });
  //    Pinned version and post-update health check (Linux packaged builds, where the root-side installer runs): set up after the window loads.
  let pinned: PinnedUpdates | null = null;
  const fullCore = await createKioskCore(config, {
    keyProvider: keys.keyProvider,
    keyProtection: keys.protection,
    a4PrintHost,
    ...(platform?.enrolmentCode ? { enrolmentCode: platform.enrolmentCode } : {}),
    onHeartbeat: (report) => pinned?.heartbeat(report),
  });
  const core: KioskCoreHandle = fullCore;
  const simControls = dev ? await dev.startSimControls(fullCore, log) : null;

  // 7. The window, locked down and wired to IPC before its first load,
  //    so the page can never run without sender checks and permission rules.
  const win = createKioskWindow({ preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'), kiosk: process.env.KIOSK_WINDOWED !== '1', devTools: !app.isPackaged });
  kioskWindow = win;
  setupLockdown(win.webContents, session.defaultSession, { allowDevShortcuts: !app.isPackaged });
  //    No menu, close refused until quitting, on top at screen-saver level, no taskbar entry, display awake, second launch focuses.
  let quitting = false;
  const shellLock = setupShellLockdown(win, { isQuitting: () => quitting, log });
  setupRendererWatchdog(win.webContents, { log, app, onOutOfService: (alert) => log(`${alert.code}: ${alert.message}`) });
  //    The idle rule (no touch, call, card or session for 60 s) sees every call the page makes.
  const observed = observeCalls(core.dispatcher);
  const activity = watchKioskActivity({ onCall: observed.onCall, events: core.events });
  const disposeIpc = setupIpc({ contents: win.webContents, dispatcher: observed.dispatcher, events: core.events });
  await loadKioskApp(win);
  //    systemd's watchdog (Linux, WatchdogSec in the unit): READY=1 now, WATCHDOG=1 every half period from this loop.
  const notify = startSdNotify();
  notify.ready();

  // 8. Updates last: they wait for an idle kiosk inside the maintenance window (config `updates`), never install once quitting, and must never slow start-up.
  if (app.isPackaged && process.platform === 'linux' && config.platformUrl) {
    const feedBase = `${config.platformUrl.replace(/\/+$/, '')}/updates`;
    pinned = startPinnedUpdates({
      runningVersion: KIOSK_VERSION,
      dataDir: config.dataDir,
      fetchRelease: electronUpdaterFetch({
        feedBase,
        channel: config.pinnedUpdates.channel,
        makeUpdater: (url) => {
          const updater = new electronUpdater.DebUpdater({ provider: 'generic', url });
          routeInstallsToInstaller(updater, () => log('update: electron-updater install step refused (the root-side installer installs)'));
          return updater;
        },
      }),
      publicKeyPem: RELEASE_PUBLIC_KEY_PEM,
      isIdle: () => activity.gate.isIdle(),
      //    systemd starts /opt/gov-kiosk/current/... again; app.relaunch() would start the old slot's resolved path.
      restart: () => app.exit(0),
      log,
      healthDeadlineMinutes: config.pinnedUpdates.healthDeadlineMinutes,
      installerSpool: config.pinnedUpdates.installerSpool,
    });
    pinned.report('core');
    pinned.report('renderer');
  }
  //    Staged updates on such a terminal go to the same root-side installer, with the same health check (never pkexec).
  const staged = pinned;
  const stopUpdater = setupUpdater({
    isIdle: () => activity.gate.isIdle(),
    isShuttingDown: () => quitting,
    log,
    ...updaterSettingsFrom(config),
    ...(staged ? { install: (update: VerifiedUpdate) => staged.installStaged(update) } : {}),
  });
  if (staged && typeof electronUpdater.BaseUpdater === 'function' && electronUpdater.autoUpdater instanceof electronUpdater.BaseUpdater) {
    routeInstallsToInstaller(electronUpdater.autoUpdater, () => log('update: electron-updater install step refused (the root-side installer installs)'));
  }
  //    The nightly restart: the whole shell relaunches (window, core and all) when idle, forced at forceHour.
  const stopNightly = scheduleNightlyRestart({
    ...config.nightlyRestart,
    isIdle: () => activity.gate.isIdle(),
    restart: (why) => {
      log(`nightly restart (${why})`);
      app.relaunch();
      app.quit();
    },
  });

  // 9. Orderly shutdown: stop accepting calls, then close the core.
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    shellLock.release();
    stopUpdater();
    pinned?.stop();
    stopNightly();
    activity.stop();
    notify.stop();
    disposeIpc();
    void (simControls?.close() ?? Promise.resolve())
      .then(() => core.close())
      .then(() => platform?.stop())
      .finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
}
