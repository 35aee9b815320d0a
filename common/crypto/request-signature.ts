import type { KeyObject } from 'node:crypto';
import type { CryptoProvider } from './crypto-provider';
import { providerForSignature } from './providers';

/** Request headers of a signed request (see docs/sync-protocol.md, "Signed requests"). */
export const SIGNATURE_HEADERS = {
  device: 'x-kiosk-device',
  timestamp: 'x-kiosk-timestamp',
  nonce: 'x-kiosk-nonce',
  signature: 'x-kiosk-signature',
  /** On a response: the platform's signature. */
  platformSignature: 'x-platform-signature',
} as const;

/** What a request signature covers. `pathAndQuery` is the URL path with its query string as sent. */
export interface SignedRequestParts {
  method: string;
  pathAndQuery: string;
  body: Buffer;
  /** Kiosk time in epoch milliseconds (decimal integer on the wire). */
  timestamp: number;
  /** 16 random bytes, hex (32 characters). */
  nonce: string;
  deviceId: string;
}

/** What a platform response signature covers: bound to the request's nonce, so an old reply cannot be replayed. */
export interface SignedResponseParts {
  requestNonce: string;
  status: number;
  body: Buffer;
  /** The response's `X-Platform-Time` as sent. */
  platformTime: string;
}

/** The bytes a request signature is made over: one field a line, UTF-8. */
export function requestSigningString(provider: CryptoProvider, parts: SignedRequestParts): Buffer {
  return Buffer.from(
    [
      'kiosk-request-v1',
      provider.signatureAlgorithm,
      parts.method.toUpperCase(),
      parts.pathAndQuery,
      provider.digest(parts.body).toString('hex'),
      String(parts.timestamp),
      parts.nonce,
      parts.deviceId,
    ].join('\n'),
    'utf8',
  );
}

/** The bytes a platform response signature is made over. */
export function responseSigningString(provider: CryptoProvider, parts: SignedResponseParts): Buffer {
  return Buffer.from(
    ['platform-response-v1', provider.signatureAlgorithm, parts.requestNonce, String(parts.status), provider.digest(parts.body).toString('hex'), parts.platformTime].join('\n'),
    'utf8',
  );
}

/** The value of a signature header: `alg=<algorithm>, sig=<base64>`. */
export function formatSignatureHeader(provider: CryptoProvider, signature: Buffer): string {
  return `alg=${provider.signatureAlgorithm}, sig=${signature.toString('base64')}`;
}

/** A parsed signature header, or null when it is malformed (not `alg=…, sig=…`, unknown algorithm, or not base64). */
export function parseSignatureHeader(value: string | null | undefined): { provider: CryptoProvider; signature: Buffer } | null {
  const m = /^alg=([a-z0-9-]{1,32}), sig=([A-Za-z0-9+/]{1,2048}={0,2})$/.exec(value ?? '');
  if (!m) return null;
  const provider = providerForSignature(m[1]!);
  return provider ? { provider, signature: Buffer.from(m[2]!, 'base64') } : null;
}

/** Signs a request: the header value of `X-Kiosk-Signature`. */
export function signRequestParts(provider: CryptoProvider, privateKey: KeyObject, parts: SignedRequestParts): string {
  return formatSignatureHeader(provider, provider.sign(privateKey, requestSigningString(provider, parts)));
}

/** Signs a response: the header value of `X-Platform-Signature`. */
export function signResponseParts(provider: CryptoProvider, privateKey: KeyObject, parts: SignedResponseParts): string {
  return formatSignatureHeader(provider, provider.sign(privateKey, responseSigningString(provider, parts)));
}

/**
 * True when `header` is a valid signature of the response by `publicKey`
 * with the algorithm `expected` (a reply signed with another algorithm than
 * the platform key's is refused). Never throws.
 */
export function verifyResponseSignature(header: string | null | undefined, expected: CryptoProvider, publicKey: KeyObject, parts: SignedResponseParts): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || parsed.provider.signatureAlgorithm !== expected.signatureAlgorithm) return false;
  return expected.verify(publicKey, responseSigningString(expected, parts), parsed.signature);
}
