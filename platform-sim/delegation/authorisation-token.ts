import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { providerForSignature } from '../../common/crypto/providers';

/**
 * The authorisation a principal grants on their phone for someone to act for
 * them (代办授权), shown there as a QR code: `KA1.<payload>.<signature>`,
 * both base64url without padding, the platform key's signature over the bytes
 * `KA1.<payload>` as they stand (the technician credential's form, see
 * common/crypto/technician-credential.ts). Only the platform reads it: the
 * kiosk sends it to `POST /api/v1/delegations/verify` with its agent.
 */
export const AUTHORISATION_PREFIX = 'KA1';

/** Longest token accepted, in characters. */
export const MAX_AUTHORISATION_CHARS = 2048;

const PayloadSchema = z
  .object({
    v: z.literal(1),
    alg: z.string().max(32),
    /** Authorisation id (the evidence of consent the application records). */
    aid: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    /** The agent's ID number. */
    agent: z.string().regex(/^\d{17}[\dX]$/),
    principal: z.object({ name: z.string().min(1).max(50), idNumber: z.string().regex(/^\d{17}[\dX]$/) }).strict(),
    /** Catalogue codes the agent may apply for. */
    services: z.array(z.string().min(1).max(64)).min(1).max(20),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();

/** What the platform signs. */
export type AuthorisationPayload = z.infer<typeof PayloadSchema>;

/** Signs an authorisation with the platform's private key. */
export function issueAuthorisation(provider: CryptoProvider, privateKey: KeyObject, payload: Omit<AuthorisationPayload, 'v' | 'alg'>): string {
  const full: AuthorisationPayload = { v: 1, alg: provider.signatureAlgorithm, ...payload };
  const signed = `${AUTHORISATION_PREFIX}.${Buffer.from(JSON.stringify(full), 'utf8').toString('base64url')}`;
  return `${signed}.${provider.sign(privateKey, Buffer.from(signed, 'ascii')).toString('base64url')}`;
}

const B64U = /^[A-Za-z0-9_-]+$/;

/**
 * Parses a token and checks its signature with `publicKeyOf(algorithm)`.
 * Never throws: null for anything malformed, of an unknown algorithm or not
 * signed by the platform. Expiry and agent are the caller's checks.
 */
export function readAuthorisation(token: string, publicKeyOf: (provider: CryptoProvider) => KeyObject): AuthorisationPayload | null {
  const text = token.trim();
  if (text.length > MAX_AUTHORISATION_CHARS) return null;
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== AUTHORISATION_PREFIX || !B64U.test(parts[1]!) || !B64U.test(parts[2]!)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = PayloadSchema.safeParse(raw);
  if (!parsed.success) return null;
  const provider = providerForSignature(parsed.data.alg);
  if (!provider) return null;
  const ok = provider.verify(publicKeyOf(provider), Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), Buffer.from(parts[2]!, 'base64url'));
  return ok ? parsed.data : null;
}
