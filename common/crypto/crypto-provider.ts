import type { KeyObject } from 'node:crypto';

/** Signature algorithms the protocol names (`alg` of every signature). */
export type SignatureAlgorithm = 'ed25519' | 'sm2-sm3';

/** Digest algorithms: the body digest of a signed request. */
export type DigestAlgorithm = 'sha256' | 'sm3';

/** Symmetric sealing of fields at rest. */
export type SealAlgorithm = 'aes-256-gcm' | 'sm4-ctr-hmac-sm3';

/** A key pair for signatures; the private key never leaves the process that made it. */
export interface SigningKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

/**
 * One family of algorithms behind one interface, so a deployment can switch
 * from the international default (Ed25519 / SHA-256 / AES-256-GCM) to China's
 * national algorithms (SM2 / SM3 / SM4) by name. Every method is synchronous
 * (Node's OpenSSL) and throws on a malformed key; `verify` and `open` never
 * throw for a wrong signature or an altered blob: `verify` returns false and
 * `open` throws an Error whose message says the blob did not authenticate.
 */
export interface CryptoProvider {
  /** Provider name as configured: `default` or `sm`. */
  readonly name: string;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly digestAlgorithm: DigestAlgorithm;
  readonly sealAlgorithm: SealAlgorithm;
  /** A fresh signing key pair (Ed25519, or an EC key on the SM2 curve). */
  generateSigningKeyPair(): SigningKeyPair;
  /** The public key from its SPKI DER (the wire form, base64 on the wire). Throws when it is not a key of this provider. */
  importPublicKey(spkiDer: Buffer): KeyObject;
  /** The private key from its PKCS#8 DER (the form sealed at rest). */
  importPrivateKey(pkcs8Der: Buffer): KeyObject;
  /** Signature of `data` with `privateKey`. */
  sign(privateKey: KeyObject, data: Buffer): Buffer;
  /** True when `signature` is a valid signature of `data` by `publicKey`; false otherwise (never throws for a bad signature). */
  verify(publicKey: KeyObject, data: Buffer, signature: Buffer): boolean;
  /** Digest of `data` (32 bytes for both SHA-256 and SM3). */
  digest(data: Buffer): Buffer;
  /** Encrypts and authenticates `plaintext` under a 32-byte `key`, bound to `aad`. A fresh random IV each call. */
  seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer;
  /** Opens a blob made by {@link seal} with the same key and `aad`; throws when it was altered or made with another key or aad. */
  open(key: Buffer, blob: Buffer, aad: Buffer): Buffer;
}

/** Length of a sealing key in bytes (both providers). */
export const SEAL_KEY_BYTES = 32;

/** Throws unless `key` has {@link SEAL_KEY_BYTES} bytes. */
export function checkSealKey(key: Buffer): void {
  if (key.length !== SEAL_KEY_BYTES) throw new Error(`sealing key must be ${SEAL_KEY_BYTES} bytes, got ${key.length}`);
}
