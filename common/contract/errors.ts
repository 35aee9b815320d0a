/**
 * Error codes that cross the renderer–main boundary. The renderer translates
 * them into the person's language; `message` is English for logs and technicians.
 * This module has no runtime dependency (the renderer imports it without zod);
 * the zod schemas of the same shapes are in `error-schemas.ts`.
 */
export const KIOSK_ERROR_CODES = [
  'invalid-payload',
  'forbidden',
  'not-found',
  'no-session',
  'device-offline',
  'device-error',
  'paper-out',
  'platform-unreachable',
  'storage-full',
  'storage-corrupt',
  'storage-key-mismatch',
  'timeout',
  'cancelled',
  'internal',
] as const;

/** One stable error code. */
export type KioskErrorCode = (typeof KIOSK_ERROR_CODES)[number];

/** Wire form of a {@link KioskError}. */
export interface KioskErrorPayload {
  code: KioskErrorCode;
  message: string;
  detail?: Record<string, unknown> | undefined;
}

const CODES: ReadonlySet<string> = new Set(KIOSK_ERROR_CODES);

/** True when `value` is one of {@link KIOSK_ERROR_CODES}. */
export function isKioskErrorCode(value: unknown): value is KioskErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * True when `value` has the wire form of an error: a known `code`, a string
 * `message`, and `detail` absent or a plain object (not an array, not null).
 */
export function isKioskErrorPayload(value: unknown): value is KioskErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!isKioskErrorCode(v.code) || typeof v.message !== 'string') return false;
  return v.detail === undefined || (typeof v.detail === 'object' && v.detail !== null && !Array.isArray(v.detail));
}

/** An error with a stable code; safe to send to the renderer (must never carry personal data). */
export class KioskError extends Error {
  readonly code: KioskErrorCode;
  readonly detail: Record<string, unknown> | undefined;

  constructor(code: KioskErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'KioskError';
    this.code = code;
    this.detail = detail;
  }

  /** Wire form. */
  toPayload(): KioskErrorPayload {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }

  /** Rebuilds an error received over a transport. */
  static fromPayload(payload: KioskErrorPayload): KioskError {
    return new KioskError(payload.code, payload.message, payload.detail);
  }

  /** Converts anything thrown by an implementation into a wire-safe error (unknown errors become `internal`). */
  static from(error: unknown): KioskError {
    if (error instanceof KioskError) return error;
    return new KioskError('internal', 'internal error');
  }
}

/** Result envelope used on every transport: `{ok: true, value}` or `{ok: false, error}`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskErrorPayload };
