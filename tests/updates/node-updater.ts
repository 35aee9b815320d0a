import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { BaseUpdater } from 'electron-updater';
import { DebUpdater } from 'electron-updater/out/DebUpdater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadExecutorResult, DownloadUpdateOptions } from 'electron-updater/out/AppUpdater';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { NsisUpdater } from 'electron-updater/out/NsisUpdater';
import { findFile } from 'electron-updater/out/providers/Provider';

/**
 * electron-updater's own update logic in plain Node, no Electron: its real
 * classes (AppUpdater, BaseUpdater, NsisUpdater, the generic provider,
 * DownloadedUpdateHelper) with an app adapter standing in for Electron's
 * `app`, and a node:http executor standing in for Electron's `net` (the one
 * part that needs the Electron binary). Feed parsing, staging, version
 * comparison, the download into the cache and its sha512 check are the
 * library's code; only installing goes to an {@link InstallAdapter}.
 */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  /** As electron-updater's ElectronHttpExecutor.download, over node:http. */
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions & { redirect?: string } = { headers: options.headers ?? undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null }, 0);
    });
  }

  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    // One connection per request (no keep-alive pool shared by the simulated terminals).
    return httpRequest({ ...options, agent: false }, callback);
  }
}

/** What electron-updater asked to install: the artifact in its cache and the flags it passed. */
export interface InstallRequest extends InstallOptions {
  file: string;
  version: string;
}

/** Where `doInstall` goes (the real installer is the root-side installer service). Returns true when the install started. */
export interface InstallAdapter {
  install(request: InstallRequest): boolean;
}

/** An install adapter that records every request and starts nothing. */
export class RecordingInstaller implements InstallAdapter {
  readonly requests: InstallRequest[] = [];
  install(request: InstallRequest): boolean {
    this.requests.push(request);
    return true;
  }
}

/** What Electron's `app` would answer for one terminal: its version, its own user data dir (so its own `.updaterId`), its cache. */
export class TerminalApp implements AppAdapter {
  readonly name = 'gov-kiosk';
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly baseCachePath: string;
  /** Quit handlers electron-updater registered (it registers one only to install on quit). */
  readonly quitHandlers: Array<(exitCode: number) => void> = [];
  quits = 0;
  relaunches = 0;

  constructor(
    readonly version: string,
    readonly userDataPath: string,
  ) {
    this.appUpdateConfigPath = join(userDataPath, 'app-update.yml');
    this.baseCachePath = join(userDataPath, 'cache');
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {
    this.relaunches++;
  }
  quit(): void {
    this.quits++;
  }
  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }
  /** Runs the quit handlers as Electron's `quit` event would (the app is shutting down). */
  simulateQuit(exitCode = 0): void {
    for (const h of this.quitHandlers) h(exitCode);
  }
}

/**
 * The Linux terminal's updater: electron-updater's BaseUpdater downloading
 * the feed's `.deb` exactly as its DebUpdater does, but installing through
 * an {@link InstallAdapter} instead of dpkg under pkexec/sudo.
 */
export class NodeKioskUpdater extends BaseUpdater {
  private readonly http = new NodeHttpExecutor();

  constructor(
    app: TerminalApp,
    private readonly installer: InstallAdapter,
  ) {
    super(undefined, app);
    (this as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = this.http;
    this.logger = null;
  }

  protected doDownloadUpdate(downloadUpdateOptions: DownloadUpdateOptions): Promise<DownloadExecutorResult> {
    const provider = downloadUpdateOptions.updateInfoAndProvider.provider;
    const fileInfo = findFile(provider.resolveFiles(downloadUpdateOptions.updateInfoAndProvider.info), 'deb', ['AppImage', 'rpm', 'pacman']);
    if (!fileInfo) return Promise.reject(new Error('the feed names no .deb'));
    return this.executeDownload({
      fileExtension: 'deb',
      fileInfo,
      downloadUpdateOptions,
      task: async (updateFile, downloadOptions) => {
        await this.http.download(fileInfo.url, updateFile, downloadOptions);
      },
    });
  }

  protected doInstall(options: InstallOptions): boolean {
    const file = this.installerPath;
    const version = this.updateInfoAndProvider?.info.version;
    if (!file || !version) return false;
    return this.installer.install({ ...options, file, version });
  }

  /** As BaseUpdater's, without the Electron-only `before-quit-for-update` emit: install, then quit. */
  override quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    if (this.install(isSilent, isForceRunAfter)) this.app.quit();
  }
}

/** Options of {@link linuxTerminal} and {@link windowsTerminal}. */
export interface TerminalOptions {
  /** The feed as app-update.yml names it, e.g. `http://127.0.0.1:4100/updates/latest/`. */
  feedUrl: string;
  /** The terminal's user data dir (created). */
  dir: string;
  /** The installed version. */
  version: string;
  /** A staging id to write into `.updaterId` first; default none (electron-updater creates its own). */
  updaterId?: string;
}

function writeAppUpdateConfig(options: TerminalOptions, extra = ''): TerminalApp {
  mkdirSync(options.dir, { recursive: true });
  const app = new TerminalApp(options.version, options.dir);
  // What electron-builder writes into resources/app-update.yml from electron-builder.yml's `publish` (and, on Windows, the publisher names).
  writeFileSync(app.appUpdateConfigPath, `provider: generic\nurl: ${options.feedUrl}\nupdaterCacheDirName: gov-kiosk-updater\n${extra}`);
  if (options.updaterId) writeFileSync(join(options.dir, '.updaterId'), options.updaterId);
  return app;
}

/** One simulated Linux terminal: its app adapter, its updater, and the installer that records what would be installed. */
export function linuxTerminal(options: TerminalOptions): { app: TerminalApp; updater: NodeKioskUpdater; installer: RecordingInstaller } {
  const app = writeAppUpdateConfig(options);
  const installer = new RecordingInstaller();
  return { app, updater: new NodeKioskUpdater(app, installer), installer };
}

/**
 * One simulated Windows terminal: electron-updater's real NsisUpdater (it
 * reads `latest.yml`, downloads the `.exe` and calls
 * `verifyUpdateCodeSignature` with the publisher names of app-update.yml
 * before the download counts as done). Never install with it: its
 * `doInstall` runs the installer.
 */
export function windowsTerminal(options: TerminalOptions & { publisherNames: string[] }): { app: TerminalApp; updater: NsisUpdater } {
  const app = writeAppUpdateConfig(options, `publisherName:\n${options.publisherNames.map((n) => `  - ${JSON.stringify(n)}\n`).join('')}`);
  const updater = new NsisUpdater(undefined, app);
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  (updater as unknown as { _testOnlyOptions: { platform: string; isUseDifferentialDownload: boolean } })._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: false };
  updater.disableWebInstaller = true;
  updater.disableDifferentialDownload = true;
  updater.logger = null;
  return { app, updater };
}

/**
 * electron-updater's unmodified DebUpdater for one Linux terminal: it
 * installs through dpkg under pkexec/sudo, as a terminal would without our
 * routing (the pin, rollback and no-pkexec tests replace or observe that).
 */
export function debTerminal(options: TerminalOptions): DebUpdater {
  const updater = new DebUpdater(undefined, writeAppUpdateConfig(options));
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  return updater;
}
