/**
 * The platform's clock: the host clock plus an adjustable offset, so tests can
 * give the platform a skew against the kiosk.
 */
export class PlatformClock {
  /** Offset added to the host clock, in milliseconds (default 0). */
  offsetMs = 0;

  /** Current platform time in epoch milliseconds. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Current platform time as ISO 8601 UTC with milliseconds. */
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
}
