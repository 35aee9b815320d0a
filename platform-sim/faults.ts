/** Fault settings of `POST /admin/faults`. */
export interface FaultSettings {
  /** Delay before each /api request is handled, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of /api requests answered 503. */
  errorRate: number;
  /** Share (0..1) of /api connections destroyed after the body is read; half of those after the effect is committed. */
  dropRate: number;
  /** When true every /api request's socket is destroyed at once. */
  down: boolean;
}

/** What the injector decides for one request. */
export type FaultDecision = 'none' | 'error' | 'drop-before' | 'drop-after';

/** No faults. */
export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({ latencyMs: 0, errorRate: 0, dropRate: 0, down: false });

/**
 * Holds the current fault settings and rolls the dice per request.
 * Randomness comes from `random` (default `Math.random`); pass a seeded one for reproducible runs.
 */
export class FaultInjector {
  private current: FaultSettings = { ...NO_FAULTS };

  constructor(private readonly random: () => number = Math.random) {}

  /** A copy of the current settings. */
  get settings(): FaultSettings {
    return { ...this.current };
  }

  /** Merges the given keys into the current settings; returns the result. */
  merge(patch: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...patch };
    return this.settings;
  }

  /** Clears every fault. */
  reset(): void {
    this.current = { ...NO_FAULTS };
  }

  /** Decides the fate of one /api request whose body has been read. */
  decide(): FaultDecision {
    if (this.current.errorRate > 0 && this.random() < this.current.errorRate) return 'error';
    if (this.current.dropRate > 0 && this.random() < this.current.dropRate) return this.random() < 0.5 ? 'drop-before' : 'drop-after';
    return 'none';
  }
}
