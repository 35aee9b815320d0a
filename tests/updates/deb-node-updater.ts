import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater/out/DebUpdater';

/**
 * electron-updater's own update logic in plain Node: its DebUpdater class
 * with an app adapter (what Electron's `app` would answer) and a node:http
 * executor in place of Electron's `net` (the one part that needs the
 * Electron binary). Everything else — feed parsing, staging, version
 * comparison, download and sha512 check — is the library's real code.
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
    return httpRequest(options, callback);
  }
}

/** One simulated terminal's updater: its own user data dir (so its own staging id) and version. */
export function nodeUpdater(options: { feedUrl: string; dir: string; version: string; updaterId?: string }): DebUpdater {
  mkdirSync(options.dir, { recursive: true });
  const configPath = join(options.dir, 'app-update.yml');
  writeFileSync(configPath, `provider: generic\nurl: ${options.feedUrl}\nupdaterCacheDirName: kiosk-updater\n`);
  // electron-updater keeps a terminal's staging id in userData/.updaterId; fixed ids make the roll-out reproducible.
  if (options.updaterId) writeFileSync(join(options.dir, '.updaterId'), options.updaterId);
  const updater = new DebUpdater(undefined, {
    version: options.version,
    name: 'kiosk',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: options.dir,
    baseCachePath: join(options.dir, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  return updater;
}
