import { join } from 'node:path';
import type { CoreHeartbeatReport } from '../../core/heartbeat-report';
import { spoolInstaller, type Installer } from './installer-client';
import { KeptArtifacts } from './kept-artifacts';
import { UpdateStateFiles, updateStateDir } from './pending-health-state';
import { PinFollower, type PinFollowerOptions } from './version-pin';
import { UpdateHealthCheck, type HealthSignal } from './update-health';

/**
 * Options of {@link startPinnedUpdates}: the follower's own (running version,
 * release fetch and key, idle rule, restart) plus where the state lives.
 * `fetchRelease` is {@link electronUpdaterFetch} with a DebUpdater in the
 * shell; `restart` ends the shell so systemd starts
 * `/opt/gov-kiosk/current/...` again (never `app.relaunch`: it would start
 * the old slot's path).
 */
export interface PinnedUpdatesOptions extends Pick<PinFollowerOptions, 'runningVersion' | 'fetchRelease' | 'publicKeyPem' | 'isIdle' | 'restart'> {
  /** The kiosk's data dir (the update state lives in `<dataDir>/update/`). */
  dataDir: string;
  /** One line per step (versions and reasons only). */
  log: (line: string) => void;
  /** Minutes a new version has to report healthy. Default 10. */
  healthDeadlineMinutes?: number;
  /** The installer's spool. Default the installer's. */
  installerSpool?: string;
  /** The installer (tests); default the spool installer. */
  installer?: Installer;
}

/** What the shell feeds in: the parts of the health report, heartbeats, the supervisor's crash-loop cap. */
export interface PinnedUpdates {
  report(signal: HealthSignal): void;
  heartbeat(report: CoreHeartbeatReport): void;
  crashLoop(): void;
  /**
   * Installs a staged update that updater.ts has downloaded and verified,
   * through the root-side installer with the same health check and rollback
   * as a pin (its `install` option on a Linux terminal). Resolves true when
   * installed (the shell then restarts), false when skipped or refused.
   */
  installStaged(update: { file: string; version: string; sha512: string; signature: string }): Promise<boolean>;
  stop(): void;
}

/**
 * The pinned-version follower and the post-update health check of one
 * running shell, wired together: a heartbeat counts for the health check
 * (and its devices-opened flag), and its pin is followed — but only once no
 * health check is pending, so a new version never installs another before
 * it has proved itself.
 */
export function startPinnedUpdates(options: PinnedUpdatesOptions): PinnedUpdates {
  const state = new UpdateStateFiles(options.dataDir);
  const kept = new KeptArtifacts(updateStateDir(options.dataDir));
  const installer = options.installer ?? spoolInstaller(options.installerSpool ? { spool: options.installerSpool } : {});
  const line = (e: object) => options.log(`update ${JSON.stringify(e)}`);
  const health = new UpdateHealthCheck({ runningVersion: options.runningVersion, state, kept, installer, audit: line, restart: options.restart });
  const follower = new PinFollower({
    runningVersion: options.runningVersion,
    fetchRelease: options.fetchRelease,
    installer,
    state,
    kept,
    isIdle: options.isIdle,
    restart: options.restart,
    report: line,
    publicKeyPem: options.publicKeyPem,
    healthDeadlineMs: (options.healthDeadlineMinutes ?? 10) * 60_000,
  });
  health.start();
  return {
    report: (s) => health.report(s),
    heartbeat(r) {
      if (r.devicesOpened) health.report('devices');
      health.report('heartbeat');
      if (!health.checking) void follower.follow(r.pinnedVersion, r.pinRefused);
    },
    crashLoop: () => health.crashLoop(),
    installStaged: (update) => (health.checking ? Promise.resolve(false) : follower.installVerified(update)),
    stop: () => health.stop(),
  };
}

/** The data dir's update state folder, for documentation and kioskctl. */
export const UPDATE_STATE_FILES = (dataDir: string) => ({ pending: join(updateStateDir(dataDir), 'pending-health.json'), rolledBack: join(updateStateDir(dataDir), 'rolled-back.json') });
