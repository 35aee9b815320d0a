/** The platform could not be reached (connection refused/reset, DNS, timeout). Transient: retry with backoff. */
export class PlatformUnreachableError extends Error {
  override name = 'PlatformUnreachableError';
}

/**
 * The platform answered with an HTTP error. 5xx (and 429) are transient;
 * other 4xx on an envelope mean a client bug and need a technician.
 */
export class PlatformHttpError extends Error {
  override name = 'PlatformHttpError';
  constructor(
    readonly status: number,
    readonly errorCode: string | null,
    message: string,
  ) {
    super(message);
  }
  /** True for 5xx and 429. */
  get transient(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** The platform's answer was not valid protocol (bad JSON, schema mismatch, wrong results). Never trusted, never crashes the engine. */
export class PlatformProtocolError extends Error {
  override name = 'PlatformProtocolError';
}
