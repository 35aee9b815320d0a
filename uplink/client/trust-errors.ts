import { PlatformHttpError, PlatformProtocolError } from './platform-errors';

/**
 * Codes with which the platform refuses a request on trust grounds
 * (docs/sync-protocol.md, "Signed requests"): 401 for all but
 * `device-revoked` (403).
 */
export const TRUST_REFUSAL_CODES = [
  'signature-missing',
  'signature-malformed',
  'device-unknown',
  'device-revoked',
  'signature-algorithm-mismatch',
  'timestamp-out-of-window',
  'signature-invalid',
  'signature-replayed',
  'device-mismatch',
] as const;

/** Why the platform refused a request on trust grounds. */
export type TrustRefusalCode = (typeof TRUST_REFUSAL_CODES)[number];

/** True when `code` is one of {@link TRUST_REFUSAL_CODES}. */
export function isTrustRefusalCode(code: string | null): code is TrustRefusalCode {
  return code !== null && (TRUST_REFUSAL_CODES as readonly string[]).includes(code);
}

/**
 * The platform refused the request because of its signature or the
 * device's standing (`reason`). A {@link PlatformHttpError} (status 401 or
 * 403, never transient), so callers that only know HTTP errors keep working;
 * the sync engine returns the batch to pending as for any failed call.
 */
export class PlatformTrustRefusedError extends PlatformHttpError {
  override name = 'PlatformTrustRefusedError';
  constructor(
    status: number,
    readonly reason: TrustRefusalCode,
    message: string,
  ) {
    super(status, reason, message);
  }
}

/** Why the kiosk refused a platform reply: no signature, a signature that does not verify, or a platform time outside the window. */
export type ReplyRejectionReason = 'reply-unsigned' | 'reply-signature-invalid' | 'reply-stale';

/**
 * The kiosk refused a 2xx platform reply (`reason`): it is never applied,
 * the caller keeps its last good state (outbox items stay pending). A
 * {@link PlatformProtocolError}, so it is handled like any untrusted answer.
 */
export class PlatformReplyRejectedError extends PlatformProtocolError {
  override name = 'PlatformReplyRejectedError';
  constructor(
    readonly reason: ReplyRejectionReason,
    message: string,
  ) {
    super(message);
  }
}
