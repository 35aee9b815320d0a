import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Length of the per-launch token before encoding, in bytes. */
export const TOKEN_BYTES = 32;

/** Creates a fresh per-launch token: 32 random bytes, base64url (43 characters, no padding). */
export function createToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Constant-time comparison of a presented token with the expected one.
 * Returns false (never throws) for a missing, non-string or wrong-length value;
 * only the length check is not constant-time, and the length is public.
 */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
