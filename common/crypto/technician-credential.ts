import { scryptSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { CryptoProvider } from './crypto-provider';
import { providerForSignature } from './providers';

/**
 * The technician credential: issued and signed by the platform, carried in a
 * QR code, checked by the terminal with no network at all.
 *
 * Form (one line, QR-friendly): `KT1.<payload>.<signature>`, both parts
 * base64url without padding. `payload` is UTF-8 JSON
 * ({@link TechnicianCredentialPayload}); the signature is the platform key's
 * signature (Ed25519, or SM2 with SM3, named by `alg`) over the bytes
 * `KT1.<payload>` as they stand in the token, so nothing is re-serialised
 * before checking. The PIN is not in it: only a salted scrypt hash of it
 * (N = 2^14, r = 8, p = 1, 32 bytes), so a lost QR alone opens nothing and
 * the PIN cannot be read back from it.
 */
export const TECHNICIAN_CREDENTIAL_PREFIX = 'KT1';

/** Longest token accepted, in characters (a QR of version ≤ 25 at level M holds it). */
export const MAX_TECHNICIAN_CREDENTIAL_CHARS = 1500;

/** scrypt cost of the PIN hash (N); r = 8, p = 1, 32-byte output. About 30 ms per check on the kiosk. */
export const PIN_SCRYPT_N = 16384;

/** What the platform signs. No personal data beyond the technician's own display name. */
export interface TechnicianCredentialPayload {
  /** Format version: 1. */
  v: 1;
  /** Signature algorithm of the platform key that signed it (`ed25519` or `sm2-sm3`). */
  alg: string;
  /** The technician's id at the platform (1–64 of `A-Za-z0-9._-`). */
  tid: string;
  /** Display name (1–40 characters). */
  name: string;
  /** Site ids covered; `*` covers every site. */
  sites: string[];
  /** Device ids covered besides whole sites (may be empty). */
  devices: string[];
  /** Issued at, Unix seconds. */
  iat: number;
  /** Expires at, Unix seconds (the credential is refused from this second on). */
  exp: number;
  /** The PIN's salt (16 bytes) and scrypt hash (32 bytes), base64url. */
  pin: { salt: string; hash: string };
  /** Kind of credential: `technician` (also when absent, as in tokens issued before staff existed) or `staff` (a partner site's smaller role). */
  role?: TechnicianCredentialRole;
}

/** The kinds of credential, which are the contract roles they grant. */
export type TechnicianCredentialRole = 'technician' | 'staff';

/** The role a verified credential grants: its `role`, `technician` when absent. */
export function credentialRole(payload: TechnicianCredentialPayload): TechnicianCredentialRole {
  return payload.role ?? 'technician';
}

/** What {@link issueTechnicianCredential} needs (platform side). */
export interface IssueTechnicianCredentialInput {
  technicianId: string;
  name: string;
  sites: string[];
  devices?: string[];
  /** The technician's PIN: 4–8 digits. */
  pin: string;
  /** 16 random bytes for the PIN hash. */
  salt: Buffer;
  issuedAt: Date;
  expiresAt: Date;
  /** Default `technician` (then the field is left out of the token). */
  role?: TechnicianCredentialRole;
}

/** Base64url without padding. */
function b64u(data: Buffer): string {
  return data.toString('base64url');
}

/** scrypt of the PIN with its salt, 32 bytes. */
export function hashTechnicianPin(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin, salt, 32, { N: PIN_SCRYPT_N, r: 8, p: 1 });
}

/** True when `pin` hashes to the credential's PIN hash (constant-time comparison). */
export function technicianPinMatches(payload: TechnicianCredentialPayload, pin: string): boolean {
  const expected = Buffer.from(payload.pin.hash, 'base64url');
  const actual = hashTechnicianPin(pin, Buffer.from(payload.pin.salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Signs a credential with the platform's private key. Throws TypeError for a
 * PIN that is not 4–8 digits or a salt that is not 16 bytes.
 */
export function issueTechnicianCredential(provider: CryptoProvider, privateKey: KeyObject, input: IssueTechnicianCredentialInput): string {
  if (!/^\d{4,8}$/.test(input.pin)) throw new TypeError('technician PIN must be 4–8 digits');
  if (input.salt.length !== 16) throw new TypeError('PIN salt must be 16 bytes');
  const payload: TechnicianCredentialPayload = {
    v: 1,
    alg: provider.signatureAlgorithm,
    tid: input.technicianId,
    name: input.name,
    sites: input.sites,
    devices: input.devices ?? [],
    iat: Math.floor(input.issuedAt.getTime() / 1000),
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    pin: { salt: b64u(input.salt), hash: b64u(hashTechnicianPin(input.pin, input.salt)) },
    ...(input.role && input.role !== 'technician' ? { role: input.role } : {}),
  };
  const signed = `${TECHNICIAN_CREDENTIAL_PREFIX}.${b64u(Buffer.from(JSON.stringify(payload), 'utf8'))}`;
  return `${signed}.${b64u(provider.sign(privateKey, Buffer.from(signed, 'ascii')))}`;
}

/** Outcome of {@link readTechnicianCredential}. */
export type ReadCredentialResult =
  | { ok: true; payload: TechnicianCredentialPayload }
  | { ok: false; reason: 'malformed' | 'signature-invalid' };

const ID = /^[A-Za-z0-9._*-]{1,64}$/;
const B64U = /^[A-Za-z0-9_-]+$/;

function isPayload(x: unknown): x is TechnicianCredentialPayload {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  const pin = p.pin as Record<string, unknown> | undefined;
  const ids = (v: unknown) => Array.isArray(v) && v.length <= 64 && v.every((s) => typeof s === 'string' && ID.test(s));
  return (
    p.v === 1 &&
    typeof p.alg === 'string' &&
    typeof p.tid === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(p.tid) &&
    typeof p.name === 'string' && p.name.length >= 1 && p.name.length <= 40 &&
    ids(p.sites) && ids(p.devices) &&
    Number.isSafeInteger(p.iat) && Number.isSafeInteger(p.exp) &&
    typeof pin === 'object' && pin !== null &&
    typeof pin.salt === 'string' && B64U.test(pin.salt) &&
    typeof pin.hash === 'string' && B64U.test(pin.hash) &&
    (p.role === undefined || p.role === 'technician' || p.role === 'staff')
  );
}

/**
 * Parses a token and checks its signature against the platform's public key
 * (the algorithm must be the one of `provider`, the key the terminal learnt
 * at enrolment). Never throws: anything that is not a well-formed token is
 * `malformed`, a token not signed by that key `signature-invalid`. Expiry,
 * coverage and PIN are the caller's checks.
 */
export function readTechnicianCredential(token: string, provider: CryptoProvider, platformPublicKey: KeyObject): ReadCredentialResult {
  const text = token.trim();
  if (text.length > MAX_TECHNICIAN_CREDENTIAL_CHARS) return { ok: false, reason: 'malformed' };
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== TECHNICIAN_CREDENTIAL_PREFIX || !B64U.test(parts[1]!) || !B64U.test(parts[2]!)) return { ok: false, reason: 'malformed' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'malformed' };
  if (providerForSignature(payload.alg)?.signatureAlgorithm !== provider.signatureAlgorithm) return { ok: false, reason: 'signature-invalid' };
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  if (!provider.verify(platformPublicKey, signed, Buffer.from(parts[2]!, 'base64url'))) return { ok: false, reason: 'signature-invalid' };
  return { ok: true, payload };
}
