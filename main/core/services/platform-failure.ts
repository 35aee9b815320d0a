import { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from '../../../uplink/index';

/** How a call a person waits on (QR identity, payment, certificate) failed, as the services explain it. */
export interface PlatformFailure {
  /** `unreachable`: network, timeout or 5xx; `rejected`: another HTTP error; `invalid-response`: an answer that breaks the protocol. */
  reason: 'unreachable' | 'rejected' | 'invalid-response';
  /** HTTP status when the platform answered with an error, else null. */
  status: number | null;
}

/**
 * Maps the platform client's typed errors for the citizen-facing services.
 * Anything else (a bug, or an exception of `signRequest`) is rethrown.
 */
export function platformFailure(error: unknown): PlatformFailure {
  if (error instanceof PlatformUnreachableError) return { reason: 'unreachable', status: null };
  if (error instanceof PlatformHttpError) return { reason: error.status >= 500 ? 'unreachable' : 'rejected', status: error.status };
  if (error instanceof PlatformProtocolError) return { reason: 'invalid-response', status: null };
  throw error;
}
