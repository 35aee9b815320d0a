/** The steps that show the person their own data, where `session.reveal` answers. */
export type RevealStep = 'review' | 'query-result';

/** How long after a step opens `session.reveal` answers on it, ms: 2 minutes (longer than the idle timeout's default, so the idle wipe ends it first). */
export const REVEAL_WINDOW_MS = 120_000;

/**
 * When `session.reveal` may answer: only for the session on a step that
 * shows the person their own data (the review step after a passed pre-check,
 * a query's result), and only for a short time. Opened by the core where the
 * step begins, closed when it ends (submit, a failed pre-check, the session's
 * end). Everything else is refused.
 */
export class RevealWindow {
  private current: { sessionId: string; step: RevealStep; until: number } | null = null;

  /** @param now clock in ms (default `Date.now`). */
  constructor(private readonly now: () => number = Date.now) {}

  /** Opens the window for `sessionId` on `step` for `ms` (default {@link REVEAL_WINDOW_MS}); replaces any open one. */
  open(sessionId: string, step: RevealStep, ms = REVEAL_WINDOW_MS): void {
    this.current = { sessionId, step, until: this.now() + ms };
  }

  /** Closes the window (the step ended). */
  close(): void {
    this.current = null;
  }

  /** The step open for `sessionId` now, or null (none, another session's, or expired). */
  stepFor(sessionId: string | null): RevealStep | null {
    const open = this.current;
    if (!open || sessionId === null || open.sessionId !== sessionId) return null;
    if (this.now() >= open.until) {
      this.current = null;
      return null;
    }
    return open.step;
  }
}
