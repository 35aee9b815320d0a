/** How long nothing may have happened for the kiosk to count as idle, in ms: 60 s. */
export const IDLE_AFTER_MS = 60_000;

/** Options of {@link IdleGate}. */
export interface IdleGateOptions {
  /** Default {@link IDLE_AFTER_MS}. */
  idleAfterMs?: number;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

/**
 * The one idle rule for everything that must not disturb a person (the
 * nightly restart, installing an update): idle means the session is `idle`
 * (nobody identified, no card being read) and nothing has happened for
 * `idleAfterMs` — no touch or key on the screen (`system.touched`), no call
 * from the page, no session change. Fed by the shell from what crosses the
 * contract; pure, so tests drive it with an injected clock.
 */
export class IdleGate {
  private readonly idleAfterMs: number;
  private readonly now: () => number;
  private lastActivity: number;
  private stage = 'idle';

  constructor(options: IdleGateOptions = {}) {
    this.idleAfterMs = options.idleAfterMs ?? IDLE_AFTER_MS;
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
  }

  /** Something happened (a touch, a call from the page, a card). */
  activity(): void {
    this.lastActivity = this.now();
  }

  /** The session's stage changed (`session:onChanged`); any change counts as activity. */
  sessionStage(stage: string): void {
    this.stage = stage;
    this.activity();
  }

  /** True when the session is idle and nothing has happened for the idle period. */
  isIdle(): boolean {
    return this.stage === 'idle' && this.now() - this.lastActivity >= this.idleAfterMs;
  }
}
