/** Timer functions the idle timer uses; injectable for tests. */
export interface TimerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link IdleTimer}. */
export interface IdleTimerOptions {
  /** Quiet time before the countdown appears, in milliseconds. */
  idleMs: number;
  /** Length of the visible countdown, in whole seconds. */
  countdownSeconds: number;
  /** Called when the countdown starts and every second of it, with the seconds left (countdownSeconds … 1). */
  onCountdown(secondsLeft: number): void;
  /** Called when the person touched the screen during the countdown: hide it. */
  onResume(): void;
  /** Called once when the countdown reaches zero; the timer is then stopped. */
  onExpire(): void;
  /** Defaults to the global timers. */
  clock?: TimerClock;
}

/** Where the timer is. */
export type IdlePhase = 'stopped' | 'watching' | 'counting';

const globalClock: TimerClock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Idle detection for a session: after `idleMs` without {@link IdleTimer.touch}
 * a countdown of `countdownSeconds` runs with a callback every second; a touch
 * resets everything; reaching zero calls `onExpire` once and stops.
 */
export class IdleTimer {
  private readonly clock: TimerClock;
  private handle: unknown = null;
  private secondsLeft = 0;
  private current: IdlePhase = 'stopped';

  constructor(private readonly options: IdleTimerOptions) {
    this.clock = options.clock ?? globalClock;
  }

  /** Current phase. */
  get phase(): IdlePhase {
    return this.current;
  }

  /** Starts (or restarts) watching. */
  start(): void {
    this.clear();
    this.current = 'watching';
    this.handle = this.clock.setTimeout(() => this.beginCountdown(), this.options.idleMs);
  }

  /** The person touched the screen: resets the quiet time and hides a running countdown. No-op when stopped. */
  touch(): void {
    if (this.current === 'stopped') return;
    const wasCounting = this.current === 'counting';
    this.start();
    if (wasCounting) this.options.onResume();
  }

  /** Stops without calling anything. */
  stop(): void {
    this.clear();
    this.current = 'stopped';
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private beginCountdown(): void {
    this.current = 'counting';
    this.secondsLeft = Math.max(1, Math.floor(this.options.countdownSeconds));
    this.options.onCountdown(this.secondsLeft);
    this.handle = this.clock.setTimeout(() => this.tick(), 1000);
  }

  private tick(): void {
    this.secondsLeft -= 1;
    if (this.secondsLeft <= 0) {
      this.stop();
      this.options.onExpire();
      return;
    }
    this.options.onCountdown(this.secondsLeft);
    this.handle = this.clock.setTimeout(() => this.tick(), 1000);
  }
}
