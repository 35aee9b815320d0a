import { isPinnableVersion } from '../../../common/update/pinned-version';
import type { Installer } from './installer-client';
import type { KeptArtifacts } from './kept-artifacts';
import type { UpdateStateFiles } from './pending-health-state';
import { DEFAULT_HEALTH_DEADLINE_MS } from './update-health';
import { checkDownloadedUpdate } from './update-signature';

/** One release fetched from the feed for a pinned version. */
export interface FetchedRelease {
  /** The downloaded artifact. */
  file: string;
  version: string;
  /** sha512 (base64) the feed states. */
  sha512: string;
  /** The feed's `kioskSignature` (absent: unsigned). */
  signature: string | undefined;
}

/** Fetches exactly `version` from the update feed; resolves null when the feed has no such version. Rejects on network errors. */
export type FetchRelease = (version: string) => Promise<FetchedRelease | null>;

/** What the pin follower tells the shell (the shell logs and audits it; versions and reasons only). */
export interface PinEvent {
  /** `staged-*`: the same install steps for a staged update (updater.ts) handed over through {@link PinFollower.installVerified}. */
  event:
    | 'pin-refused'
    | 'pin-missing'
    | 'pin-fetch-failed'
    | 'pin-artifact-refused'
    | 'pin-waiting-idle'
    | 'pin-installing'
    | 'pin-installed'
    | 'pin-install-refused'
    | 'pin-skipped'
    | 'staged-waiting-idle'
    | 'staged-installing'
    | 'staged-installed'
    | 'staged-install-refused'
    | 'staged-skipped';
  version: string | null;
  reason?: string;
  /** Time the step took, in ms (install: the installer's whole request). */
  ms?: number;
}

/** Options of {@link PinFollower}. */
export interface PinFollowerOptions {
  runningVersion: string;
  fetchRelease: FetchRelease;
  installer: Installer;
  state: UpdateStateFiles;
  kept: KeptArtifacts;
  /** True when nobody uses the kiosk (the same idle / maintenance rule as every update). Polled. */
  isIdle: () => boolean | Promise<boolean>;
  /** Restarts the kiosk on the version `current` points at now. */
  restart: () => void;
  report: (e: PinEvent) => void;
  /** The release key (Ed25519, SPKI PEM). */
  publicKeyPem: string;
  /** Time the installed version has to report healthy, in ms. Default {@link DEFAULT_HEALTH_DEADLINE_MS}. */
  healthDeadlineMs?: number;
  /** The installer's own deadline is this much later (it is the backstop when the new version cannot even start), in ms. Default 120 000. */
  installerGraceMs?: number;
  /** Idle poll interval, in ms. Default 60 000. */
  idlePollMs?: number;
  /** How long a pin the feed lacks is not asked again, in ms. Default 1 hour. */
  missingRetryMs?: number;
  now?: () => number;
}

/**
 * Follows the platform's pin (`pinnedVersion` from the heartbeat reply): when
 * it names a version other than the running one — higher or lower, a
 * downgrade is allowed — that exact version is fetched from the feed, its
 * signature checked (Ed25519 over the sha512, the key built into the app),
 * kept, and handed to the root-side installer once the kiosk is idle. The
 * pending health check is written before the switch; after the installer's
 * answer the kiosk restarts on the new version. A pin the feed lacks, an
 * unsigned or tampered artifact, or an installer refusal is reported and
 * nothing is installed. A version rolled back here is not installed again
 * while the pin still names it. One pin is handled at a time.
 */
export class PinFollower {
  private busy = false;
  private readonly missingUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: PinFollowerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Handles one heartbeat's pin (null: none; `refused`: the platform sent something that is not a version). Resolves when this pin has been dealt with. */
  async follow(pin: string | null, refused = false): Promise<void> {
    const o = this.options;
    if (refused) return o.report({ event: 'pin-refused', version: null, reason: 'not a version' });
    if (pin === null || pin === o.runningVersion || this.busy) return;
    if (!isPinnableVersion(pin)) return o.report({ event: 'pin-refused', version: null, reason: 'not a version' });
    if (o.state.pending()) return o.report({ event: 'pin-skipped', version: pin, reason: 'a health check is pending' });
    if (o.state.rolledBack()?.version === pin) return o.report({ event: 'pin-skipped', version: pin, reason: 'rolled back here before' });
    if ((this.missingUntil.get(pin) ?? 0) > this.now()) return;
    this.busy = true;
    try {
      await this.install(pin);
    } finally {
      this.busy = false;
    }
  }

  private async install(pin: string): Promise<void> {
    const o = this.options;
    const fetchStart = this.now();
    let release: FetchedRelease | null;
    try {
      release = await o.fetchRelease(pin);
    } catch (e) {
      return o.report({ event: 'pin-fetch-failed', version: pin, reason: e instanceof Error ? e.message.slice(0, 200) : 'fetch failed' });
    }
    if (!release || release.version !== pin) {
      this.missingUntil.set(pin, this.now() + (o.missingRetryMs ?? 3600_000));
      return o.report({ event: 'pin-missing', version: pin, reason: release ? `the feed names ${release.version}` : 'not in the update feed' });
    }
    const refusal = await checkDownloadedUpdate(release, o.publicKeyPem).catch(() => 'unreadable' as const);
    if (refusal || !release.signature) return o.report({ event: 'pin-artifact-refused', version: pin, reason: refusal ?? 'unsigned', ms: this.now() - fetchStart });
    await this.handOver({ file: release.file, version: pin, sha512: release.sha512, signature: release.signature }, 'pin');
  }

  /**
   * Installs an update that the staged-update path (updater.ts, on a Linux
   * terminal with the root-side installer) has already fetched and verified,
   * with the same steps as a pin: kept, the pending health check written,
   * handed to the installer, then the restart. Resolves true when the
   * installer took it; false (reported `staged-skipped`) while a pin is being
   * installed or a health check is pending, and false when the installer
   * refused it (`staged-install-refused`). Never rejects.
   */
  async installVerified(update: { file: string; version: string; sha512: string; signature: string }): Promise<boolean> {
    if (this.busy || this.options.state.pending()) {
      this.options.report({ event: 'staged-skipped', version: update.version, reason: this.busy ? 'a pinned version is being installed' : 'a health check is pending' });
      return false;
    }
    this.busy = true;
    try {
      return await this.handOver(update, 'staged');
    } finally {
      this.busy = false;
    }
  }

  /** Keeps the verified artifact, waits for idle, writes the pending health check, hands it to the installer and restarts; true when installed. */
  private async handOver(update: { file: string; version: string; sha512: string; signature: string }, source: 'pin' | 'staged'): Promise<boolean> {
    const o = this.options;
    const { version } = update;
    const kept = o.kept.keep(update);
    if (!(await o.isIdle())) {
      o.report({ event: `${source}-waiting-idle`, version });
      while (!(await o.isIdle())) await new Promise((r) => setTimeout(r, o.idlePollMs ?? 60_000));
    }
    const deadlineMs = o.healthDeadlineMs ?? DEFAULT_HEALTH_DEADLINE_MS;
    o.state.setPending({ previous: o.runningVersion, previousArtifact: o.kept.get(o.runningVersion), current: version, deadline: this.now() + deadlineMs });
    o.report({ event: `${source}-installing`, version });
    const result = await o.installer
      .install({ file: kept.file, version, sha512: kept.sha512, signature: kept.signature, healthDeadlineMs: deadlineMs + (o.installerGraceMs ?? 120_000) })
      .catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message.slice(0, 200) : 'installer unreachable', durationMs: undefined }));
    if (!result.ok) {
      o.state.clearPending();
      o.report({ event: `${source}-install-refused`, version, reason: result.reason ?? 'refused' });
      return false;
    }
    o.report({ event: `${source}-installed`, version, ...(result.durationMs === undefined ? {} : { ms: result.durationMs }) });
    o.restart();
    return true;
  }
}
