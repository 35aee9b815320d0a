/** Config key in kiosk.db of a terminal taken out of service on site (by staff), so a restart keeps it out. */
export const SERVICE_HOLD_CONFIG_KEY = 'service.hold';

/** Where the hold lives (the store's config table). */
export interface HoldStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Who took the terminal out of service, and when (ISO 8601). */
export interface ServiceHoldRecord {
  by: string;
  at: string;
}

/**
 * The on-site "out of service" switch of the partner site's staff: while
 * held, the core's service state is `taken-out`. Kept in the store; a
 * record that cannot be read counts as held (a broken record never opens
 * the terminal by itself; putting it back into service rewrites it).
 */
export class ServiceHold {
  constructor(private readonly storage: HoldStorage) {}

  /** True while the terminal is taken out of service. */
  held(): boolean {
    const v = this.storage.get(SERVICE_HOLD_CONFIG_KEY);
    if (v === undefined || v === null) return false;
    return true;
  }

  /** Takes the terminal out of service. Idempotent (the first record is kept). */
  take(by: string, now: Date = new Date()): void {
    if (this.held()) return;
    this.storage.set(SERVICE_HOLD_CONFIG_KEY, { by, at: now.toISOString() } satisfies ServiceHoldRecord);
  }

  /** Puts it back into service. Idempotent. */
  release(): void {
    this.storage.set(SERVICE_HOLD_CONFIG_KEY, null);
  }
}
