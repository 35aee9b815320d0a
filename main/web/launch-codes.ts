import { createToken, tokenMatches } from './token';

/** Path the browser is launched at: `GET /kiosk-launch?code=<one-time code>` sets the session cookie once and redirects to `/`. */
export const KIOSK_LAUNCH_PATH = '/kiosk-launch';

/** Query parameter of {@link KIOSK_LAUNCH_PATH} carrying the launch code. */
export const KIOSK_LAUNCH_CODE_PARAM = 'code';

/** Default life of an unused launch code, in ms (2 minutes: Chromium is up long before on this hardware). */
export const LAUNCH_CODE_TTL_MS = 120_000;

/** Most browser sessions one host keeps valid at once; the oldest is forgotten first. */
export const MAX_BROWSER_SESSIONS = 16;

/**
 * One-time launch codes and the browser sessions they are exchanged for.
 * A code is issued to the process that launches the browser (it goes into
 * the launch URL), can be redeemed once within its life and is then
 * forgotten, so the copy left on the browser's command line is worthless.
 * Redeeming mints a fresh session secret (32 random bytes, base64url) that
 * only ever travels in an HttpOnly cookie.
 */
export class LaunchCodes {
  private readonly codes = new Map<string, number>();
  private readonly sessions: string[] = [];

  constructor(
    /** Life of an unused code in ms; default {@link LAUNCH_CODE_TTL_MS}. */
    private readonly ttlMs: number = LAUNCH_CODE_TTL_MS,
    /** Clock in ms; default `Date.now`. */
    private readonly now: () => number = Date.now,
  ) {}

  /** Issues a new code (43 base64url characters), valid once for `ttlMs`. */
  issue(): string {
    const code = createToken();
    this.codes.set(code, this.now() + this.ttlMs);
    return code;
  }

  /**
   * Redeems a code: returns a new session secret, or null when the code is
   * unknown, already used or expired (never throws). A code is removed the
   * moment it is presented, whatever the outcome.
   */
  redeem(presented: unknown): string | null {
    if (typeof presented !== 'string') return null;
    const expires = this.codes.get(presented);
    this.codes.delete(presented);
    for (const [code, at] of this.codes) if (at <= this.now()) this.codes.delete(code);
    if (expires === undefined || expires <= this.now()) return null;
    const session = createToken();
    this.sessions.push(session);
    if (this.sessions.length > MAX_BROWSER_SESSIONS) this.sessions.shift();
    return session;
  }

  /** True when `presented` is a session secret minted by {@link redeem} (constant-time per candidate). */
  isSession(presented: unknown): boolean {
    let found = false;
    for (const s of this.sessions) if (tokenMatches(s, presented)) found = true;
    return found;
  }
}
