import type { Installer } from './installer-client';
import type { KeptArtifacts } from './kept-artifacts';
import type { PendingHealth, UpdateStateFiles } from './pending-health-state';

/** Default time a new version has to report healthy, in ms: 10 minutes. */
export const DEFAULT_HEALTH_DEADLINE_MS = 10 * 60_000;

/** What "healthy" is made of: each must be seen once after the update. */
export type HealthSignal = 'core' | 'renderer' | 'devices' | 'heartbeat';
const SIGNALS: readonly HealthSignal[] = ['core', 'renderer', 'devices', 'heartbeat'];

/** One step of the update's life, for the audit log (versions and reasons only: never personal data). */
export interface UpdateAuditEvent {
  event: 'health-check-started' | 'healthy' | 'rollback' | 'rollback-failed' | 'rolled-back' | 'stale-state-cleared';
  version: string;
  previous?: string;
  reason?: string;
  /** How long it took (healthy: since the check started; rollback: the installer's switch), in ms. */
  ms?: number;
}

/** Options of {@link UpdateHealthCheck}. */
export interface UpdateHealthOptions {
  /** The version running now. */
  runningVersion: string;
  state: UpdateStateFiles;
  kept: KeptArtifacts;
  installer: Installer;
  /** Receives each step (the shell writes it to the service log and the audit trail). */
  audit: (e: UpdateAuditEvent) => void;
  /** Restarts the kiosk on the version `current` points at now (the shell exits; systemd starts it again). */
  restart: () => void;
  /** Clock, ms since the epoch. Default Date.now. */
  now?: () => number;
}

/**
 * The health check after an update, on the side of the new version: at
 * start it reads the pending state (written by the version that installed
 * it, before the switch) and, when it names this version, waits until the
 * core is up, the renderer is up, the devices opened and one heartbeat was
 * acknowledged. All four before the deadline: the installer is told (it
 * stops its own deadline), the state is cleared and every kept artifact but
 * this version's is removed. Deadline passed, or the supervisor's crash-loop
 * cap: the installer switches back to the kept slot (or, when that slot is
 * gone, reinstalls the kept artifact of the previous version), the version is
 * recorded as rolled back and the kiosk restarts on the previous version.
 * When the previous version starts again after a rollback it clears the
 * state and audits `rolled-back`.
 */
export class UpdateHealthCheck {
  private pending: PendingHealth | null = null;
  private readonly seen = new Set<HealthSignal>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startedAt = 0;
  private settled: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: UpdateHealthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True while this version waits for its health check. */
  get checking(): boolean {
    return this.pending !== null && this.settled === null;
  }

  /** Reads the pending state and starts the check (or settles a finished rollback). Returns what it found. */
  start(): 'none' | 'checking' | 'rolled-back' | 'stale' {
    const { state, runningVersion, audit } = this.options;
    const pending = state.pending();
    if (!pending) return 'none';
    if (pending.current !== runningVersion) {
      state.clearPending();
      if (pending.previous === runningVersion) {
        state.setRolledBack({ version: pending.current, to: runningVersion, at: new Date(this.now()).toISOString(), reason: 'health-check' });
        audit({ event: 'rolled-back', version: runningVersion, previous: pending.current });
        return 'rolled-back';
      }
      audit({ event: 'stale-state-cleared', version: runningVersion, previous: pending.current });
      return 'stale';
    }
    this.pending = pending;
    this.startedAt = this.now();
    audit({ event: 'health-check-started', version: pending.current, previous: pending.previous, ms: Math.max(0, pending.deadline - this.startedAt) });
    const left = pending.deadline - this.startedAt;
    if (left <= 0) void this.rollback('health-deadline');
    else {
      this.timer = setTimeout(() => void this.rollback('health-deadline'), left);
      this.timer.unref?.();
    }
    return 'checking';
  }

  /** One part of the health report was seen (repeats are harmless; ignored when no check runs). */
  report(signal: HealthSignal): void {
    if (!this.checking) return;
    this.seen.add(signal);
    if (SIGNALS.every((s) => this.seen.has(s))) void this.healthy();
  }

  /** The supervisor put the core out of service (crash-loop cap): roll back now instead of waiting for the deadline. */
  crashLoop(): void {
    if (this.checking) void this.rollback('crash-loop');
  }

  /** Resolves once the check has ended (healthy or rolled back); immediately when none runs. */
  async done(): Promise<void> {
    while (this.checking) await new Promise((r) => setTimeout(r, 20));
    await this.settled;
  }

  /** Stops the deadline timer (orderly shutdown; the state file stays for the next start). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private healthy(): Promise<void> {
    const pending = this.pending!;
    this.stop();
    this.settled = (async () => {
      const { state, kept, installer, audit } = this.options;
      const confirmed = await installer.confirm(pending.current).catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message : 'installer unreachable' }));
      state.clearPending();
      const rolled = state.rolledBack();
      if (rolled?.version === pending.current) state.clearRolledBack();
      const removed = kept.pruneExcept(pending.current);
      audit({ event: 'healthy', version: pending.current, previous: pending.previous, ms: this.now() - this.startedAt, ...(confirmed.ok ? {} : { reason: `confirm: ${confirmed.reason ?? 'refused'}` }) });
      if (removed.length > 0) audit({ event: 'healthy', version: pending.current, reason: `kept artifacts removed: ${removed.join(', ')}` });
    })();
    return this.settled;
  }

  private rollback(reason: string): Promise<void> {
    if (this.settled) return this.settled;
    const pending = this.pending!;
    this.stop();
    this.settled = (async () => {
      const { installer, audit, restart } = this.options;
      audit({ event: 'rollback', version: pending.current, previous: pending.previous, reason });
      let result = await installer.rollback(reason).catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message : 'installer unreachable', switchMs: undefined }));
      if (!result.ok && pending.previousArtifact) {
        const a = pending.previousArtifact;
        result = await installer.install({ file: a.file, version: a.version, sha512: a.sha512, signature: a.signature, healthDeadlineMs: DEFAULT_HEALTH_DEADLINE_MS }).catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message : 'installer unreachable', switchMs: undefined }));
      }
      if (!result.ok) {
        audit({ event: 'rollback-failed', version: pending.current, previous: pending.previous, reason: String(result.reason ?? 'refused').slice(0, 120) });
        return;
      }
      audit({ event: 'rollback', version: pending.previous, previous: pending.current, reason: `${reason}: switched back`, ...(result.switchMs === undefined ? {} : { ms: result.switchMs }) });
      restart();
    })();
    return this.settled;
  }
}
