/** Default check interval of the heartbeat, in ms: 1 min (a change is reported within it). */
export const HEARTBEAT_CHECK_MS = 60_000;
/** Default interval of the full report (sent even when nothing changed), in ms: 15 min. */
export const FULL_REPORT_MS = 15 * 60_000;

/**
 * Decides, at each check, whether a heartbeat goes out: `change` when its
 * fingerprint (everything but the parts that move on their own: send time,
 * uptime, ages, free disk below 64 MiB steps) differs from the last one sent,
 * `full` when the last one sent is `fullReportMs` old or none was acknowledged
 * yet, else nothing. Pure: the caller passes the clock.
 */
export class HeartbeatSchedule {
  private lastFingerprint: string | null = null;
  private lastSentMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly fullReportMs: number = FULL_REPORT_MS) {}

  /** What to send now for a heartbeat with this fingerprint, or null for nothing. */
  due(fingerprint: string, nowMs: number): 'full' | 'change' | null {
    if (this.lastFingerprint === null || nowMs - this.lastSentMs >= this.fullReportMs) return 'full';
    return fingerprint === this.lastFingerprint ? null : 'change';
  }

  /** The platform acknowledged a heartbeat with this fingerprint. */
  sent(fingerprint: string, nowMs: number): void {
    this.lastFingerprint = fingerprint;
    this.lastSentMs = nowMs;
  }
}

/** Free disk space as it counts for a change: 64 MiB steps. */
export function diskStep(bytes: number | null): number | null {
  return bytes === null ? null : Math.floor(bytes / (64 * 1024 * 1024));
}
