import type { AppUpdater } from 'electron-updater';
import { feedArtifact } from './feed-artifact';
import type { FetchRelease } from './version-pin';

/** The part of electron-updater's `AppUpdater` a pinned fetch drives. */
export type PinnedUpdater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'checkForUpdates' | 'downloadUpdate'>;

/** The feed of one version: `<feedBase>/<channel>/<version>/` (holding `latest-linux.yml` and the artifact it names). */
export function versionFeedUrl(feedBase: string, channel: string, version: string): string {
  return `${feedBase.replace(/\/+$/, '')}/${encodeURIComponent(channel)}/${encodeURIComponent(version)}/`;
}

/**
 * Fetches exactly one version through electron-updater's own feed parsing,
 * download and sha512 check, from that version's feed
 * ({@link versionFeedUrl}); `makeUpdater(feedUrl)` builds an updater for that
 * URL (the shell: a DebUpdater with the generic provider; tests: the same
 * class in plain Node). Downgrades are allowed (a pin may name a lower
 * version). Nothing is installed here, and the updater never gets to
 * `quitAndInstall`: the caller hands the file to the root-side installer.
 * Resolves null when the feed has no such version (HTTP 404, or the feed
 * names another version).
 */
export function electronUpdaterFetch(options: { feedBase: string; channel: string; makeUpdater: (feedUrl: string) => PinnedUpdater }): FetchRelease {
  return async (version) => {
    const updater = options.makeUpdater(versionFeedUrl(options.feedBase, options.channel, version));
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = true;
    updater.allowPrerelease = true;
    let check;
    try {
      check = await updater.checkForUpdates();
    } catch (e) {
      if (/\b404\b/.test(e instanceof Error ? e.message : String(e))) return null;
      throw e;
    }
    const info = check?.updateInfo;
    if (!info || info.version !== version) return info ? { file: '', version: info.version, sha512: '', signature: undefined } : null;
    const [file] = await updater.downloadUpdate();
    if (!file) return null;
    return { file, version, ...feedArtifact(info.files, file, info.sha512) };
  };
}
