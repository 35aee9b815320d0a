import type { TechnicianLockState } from '../../../common/contract/schemas';

/** Refusals in a row that lock technician entry. */
export const LOCKOUT_AFTER_FAILURES = 5;

/** First lockout: 1 minute; each further one doubles, up to {@link MAX_LOCKOUT_MS}. */
export const FIRST_LOCKOUT_MS = 60_000;

/** Longest lockout: 60 minutes. */
export const MAX_LOCKOUT_MS = 60 * 60_000;

/** Config key of the persisted lockout in kiosk.db. */
export const LOCKOUT_CONFIG_KEY = 'technician.lockout';

/** What is kept in the store, so a restart does not reset the count. */
export interface LockoutRecord {
  /** Refusals since the last lockout or success. */
  failures: number;
  /** Lockouts since the last success (the next one lasts 2^lockouts minutes). */
  lockouts: number;
  /** End of the current lockout, ISO; null when none. */
  lockedUntil: string | null;
}

/** Where the record lives (the store's config table). */
export interface LockoutStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Length of the n-th lockout (n from 1): 1, 2, 4, 8, 16, 32, 60, 60… minutes. */
export function lockoutDurationMs(n: number): number {
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.max(0, n - 1));
}

function isRecord(x: unknown): x is LockoutRecord {
  const r = x as LockoutRecord | null;
  return typeof r === 'object' && r !== null && Number.isInteger(r.failures) && Number.isInteger(r.lockouts) && (r.lockedUntil === null || typeof r.lockedUntil === 'string');
}

/**
 * The PIN brute-force brake for technician entry, per terminal (any
 * credential): every refusal counts, {@link LOCKOUT_AFTER_FAILURES} in a row
 * lock entry for {@link lockoutDurationMs}, a success clears everything.
 * State is written to the store on every change; an unreadable record counts
 * as one lockout in force (fail closed), never as a clean slate.
 */
export class TechnicianLockout {
  constructor(
    private readonly storage: LockoutStorage,
    /** Clock; default `new Date()`. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private read(): LockoutRecord {
    const raw = this.storage.get(LOCKOUT_CONFIG_KEY);
    if (raw === undefined || raw === null) return { failures: 0, lockouts: 0, lockedUntil: null };
    if (isRecord(raw)) return raw;
    return { failures: 0, lockouts: 1, lockedUntil: new Date(this.now().getTime() + FIRST_LOCKOUT_MS).toISOString() };
  }

  /** The state now, as the unlock screen shows it. */
  state(): TechnicianLockState {
    const r = this.read();
    const locked = r.lockedUntil !== null && Date.parse(r.lockedUntil) > this.now().getTime();
    return { lockedUntil: locked ? r.lockedUntil : null, attemptsLeft: locked ? 0 : LOCKOUT_AFTER_FAILURES - r.failures };
  }

  /** Counts one refusal; returns the new state and, when this refusal started a lockout, its length in ms. */
  fail(): { state: TechnicianLockState; lockedForMs: number | null } {
    const r = this.read();
    let failures = r.failures + 1;
    let lockouts = r.lockouts;
    let lockedUntil = r.lockedUntil;
    let lockedForMs: number | null = null;
    if (failures >= LOCKOUT_AFTER_FAILURES) {
      lockouts += 1;
      failures = 0;
      lockedForMs = lockoutDurationMs(lockouts);
      lockedUntil = new Date(this.now().getTime() + lockedForMs).toISOString();
    }
    this.storage.set(LOCKOUT_CONFIG_KEY, { failures, lockouts, lockedUntil } satisfies LockoutRecord);
    return { state: this.state(), lockedForMs };
  }

  /** A successful entry: the count and the growing lockout start again. */
  succeed(): void {
    this.storage.set(LOCKOUT_CONFIG_KEY, { failures: 0, lockouts: 0, lockedUntil: null } satisfies LockoutRecord);
  }
}
