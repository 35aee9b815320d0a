import { z } from 'zod';

/**
 * Error codes that cross the renderer–main boundary. The renderer translates
 * them into the person's language; `message` is English for logs and technicians.
 */
export const KioskErrorCodeSchema = z.enum([
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
]);
export type KioskErrorCode = z.infer<typeof KioskErrorCodeSchema>;

export const KioskErrorPayloadSchema = z.object({
  code: KioskErrorCodeSchema,
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type KioskErrorPayload = z.infer<typeof KioskErrorPayloadSchema>;

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
