import type { KeyObject } from 'node:crypto';
import type { CryptoProvider } from './crypto-provider';
import { providerForSignature } from './providers';

/**
 * A document the platform signs for one terminal (a remote configuration, a
 * command), the same shape as the technician credential: one line
 * `<prefix>.<payload>.<signature>`, both parts base64url without padding.
 * `payload` is UTF-8 JSON carrying at least `alg` (the platform key's
 * algorithm); the signature is over the bytes `<prefix>.<payload>` as they
 * stand, so nothing is re-serialised before checking. What the payload means
 * is the reader's business (a zod schema on the kiosk side).
 */
export const MAX_PLATFORM_DOCUMENT_CHARS = 64 * 1024;

const B64U = /^[A-Za-z0-9_-]+$/;

/** Signs `payload` (its `alg` is set to the provider's) under `prefix` (e.g. `KC1`). */
export function signPlatformDocument(prefix: string, provider: CryptoProvider, privateKey: KeyObject, payload: Record<string, unknown>): string {
  const signed = `${prefix}.${Buffer.from(JSON.stringify({ ...payload, alg: provider.signatureAlgorithm }), 'utf8').toString('base64url')}`;
  return `${signed}.${provider.sign(privateKey, Buffer.from(signed, 'ascii')).toString('base64url')}`;
}

/** Outcome of {@link readPlatformDocument}: the payload as parsed JSON (not yet validated), or why not. */
export type ReadDocumentResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'signature-missing' | 'signature-invalid' };

/**
 * Parses a document and checks its signature against the platform's public
 * key (the algorithm must be the provider's). Never throws: a token with no
 * signature part is `signature-missing`, one that does not verify (or names
 * another algorithm) `signature-invalid`, anything else unreadable `malformed`.
 */
export function readPlatformDocument(prefix: string, token: string, provider: CryptoProvider, platformPublicKey: KeyObject): ReadDocumentResult {
  if (token.length > MAX_PLATFORM_DOCUMENT_CHARS) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts[0] !== prefix || parts.length < 2 || parts.length > 3 || !B64U.test(parts[1]!)) return { ok: false, reason: 'malformed' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'malformed' };
  if (parts.length === 2 || parts[2] === '') return { ok: false, reason: 'signature-missing' };
  if (!B64U.test(parts[2]!)) return { ok: false, reason: 'malformed' };
  const alg = (payload as { alg?: unknown }).alg;
  if (typeof alg !== 'string' || providerForSignature(alg)?.signatureAlgorithm !== provider.signatureAlgorithm) return { ok: false, reason: 'signature-invalid' };
  if (!provider.verify(platformPublicKey, Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), Buffer.from(parts[2]!, 'base64url'))) return { ok: false, reason: 'signature-invalid' };
  return { ok: true, payload: payload as Record<string, unknown> };
}

/** An unsigned document (`<prefix>.<payload>`): what a test-only platform endpoint serves to prove the kiosk refuses it. */
export function unsignedPlatformDocument(prefix: string, payload: Record<string, unknown>): string {
  return `${prefix}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
}
