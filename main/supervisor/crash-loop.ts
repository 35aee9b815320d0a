/** Options of {@link CrashLoop}. */
export interface CrashLoopOptions {
  /** Crashes within `windowMs` that put the terminal out of service. Default 5. */
  maxCrashes?: number;
  /** The window, in ms. Default 10 minutes. */
  windowMs?: number;
  /** First restart delay, in ms; doubles with each crash in the window. Default 250. */
  initialDelayMs?: number;
  /** Longest restart delay, in ms. Default 30 000. */
  maxDelayMs?: number;
}

/** Defaults of {@link CrashLoopOptions}: 5 crashes in 10 minutes, 250 ms doubling to 30 s. */
export const CRASH_LOOP_DEFAULTS = { maxCrashes: 5, windowMs: 10 * 60_000, initialDelayMs: 250, maxDelayMs: 30_000 } as const;

/**
 * The crash-loop rule, pure: records crash times and says what to do next
 * — restart after a delay that doubles with each crash still inside the
 * window, or give up (out of service) once `maxCrashes` fall inside it.
 */
export class CrashLoop {
  private readonly crashes: number[] = [];
  readonly maxCrashes: number;
  readonly windowMs: number;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: CrashLoopOptions = {}) {
    this.maxCrashes = options.maxCrashes ?? CRASH_LOOP_DEFAULTS.maxCrashes;
    this.windowMs = options.windowMs ?? CRASH_LOOP_DEFAULTS.windowMs;
    this.initialDelayMs = options.initialDelayMs ?? CRASH_LOOP_DEFAULTS.initialDelayMs;
    this.maxDelayMs = options.maxDelayMs ?? CRASH_LOOP_DEFAULTS.maxDelayMs;
    if (!(this.maxCrashes >= 1) || !(this.windowMs > 0)) throw new RangeError('crash loop: maxCrashes >= 1 and windowMs > 0');
  }

  /** Records a crash at `now` (ms); returns the restart delay in ms, or `out-of-service`. */
  crashed(now: number): { restartInMs: number; count: number } | { outOfService: true; count: number } {
    this.crashes.push(now);
    const count = this.count(now);
    if (count >= this.maxCrashes) return { outOfService: true, count };
    return { restartInMs: Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (count - 1)), count };
  }

  /** Crashes inside the window ending at `now`. */
  count(now: number): number {
    while (this.crashes.length > 0 && this.crashes[0]! <= now - this.windowMs) this.crashes.shift();
    return this.crashes.length;
  }

  /** Forgets every crash (a staff restart). */
  reset(): void {
    this.crashes.length = 0;
  }
}
