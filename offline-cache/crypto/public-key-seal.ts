import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/** How the per-file content key is wrapped for the recipient. */
export type KeyWrapScheme = 'rsa-oaep-sha256' | 'x25519-hkdf-sha256-aes256gcm';

/** The content key, wrapped for one recipient public key. All binary fields are base64. */
export interface WrappedKey {
  scheme: KeyWrapScheme;
  /** SHA-256 (hex) of the recipient's public key in SPKI DER: says which key opens the file. */
  recipientFingerprint: string;
  /** RSA-OAEP ciphertext of the content key, or (X25519) AES-256-GCM `iv|tag|ciphertext` of it. */
  wrapped: string;
  /** X25519 only: the sender's one-time public key (SPKI DER). */
  ephemeralPublicKey?: string;
}

/** One value sealed with the content key: AES-256-GCM, random 96-bit IV, bound to `aad`. */
export interface SealedValue {
  iv: string;
  tag: string;
  ciphertext: string;
}

const HKDF_INFO = Buffer.from('gov-kiosk public-key seal v1', 'utf8');

/** SHA-256 (hex) of a public key's SPKI DER. */
export function publicKeyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * Parses a PEM public key that can be sealed to: RSA (at least 2048 bits) or
 * X25519. Throws TypeError naming what is wrong (not PEM, private key, other
 * algorithm, short RSA key).
 */
export function parseRecipientKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new TypeError('not a PEM public key');
  }
  if (key.type !== 'public') throw new TypeError('not a public key');
  if (key.asymmetricKeyType === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new TypeError('RSA key shorter than 2048 bits');
    return key;
  }
  if (key.asymmetricKeyType === 'x25519') return key;
  throw new TypeError(`unsupported key type ${key.asymmetricKeyType ?? 'unknown'} (RSA or X25519 expected)`);
}

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function gcmOpen(key: Buffer, sealed: SealedValue, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
}

function x25519Kek(shared: Buffer, ephemeralDer: Buffer, recipientDer: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralDer, recipientDer]), HKDF_INFO, 32));
}

/**
 * A fresh AES-256 content key wrapped for `recipient`: RSA-OAEP with SHA-256,
 * or X25519 ECDH with a one-time key, HKDF-SHA256 (salt: both public keys)
 * and AES-256-GCM. Only the holder of the private key can unwrap it.
 */
export function newWrappedKey(recipient: KeyObject): { contentKey: Buffer; wrappedKey: WrappedKey } {
  const contentKey = randomBytes(32);
  const recipientFingerprint = publicKeyFingerprint(recipient);
  if (recipient.asymmetricKeyType === 'rsa') {
    const wrapped = publicEncrypt({ key: recipient, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
    return { contentKey, wrappedKey: { scheme: 'rsa-oaep-sha256', recipientFingerprint, wrapped: wrapped.toString('base64') } };
  }
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const recipientDer = recipient.export({ type: 'spki', format: 'der' });
  const kek = x25519Kek(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralDer, recipientDer);
  const w = gcmSeal(kek, contentKey, Buffer.from(recipientFingerprint, 'utf8'));
  return {
    contentKey,
    wrappedKey: {
      scheme: 'x25519-hkdf-sha256-aes256gcm',
      recipientFingerprint,
      wrapped: Buffer.concat([Buffer.from(w.iv, 'base64'), Buffer.from(w.tag, 'base64'), Buffer.from(w.ciphertext, 'base64')]).toString('base64'),
      ephemeralPublicKey: ephemeralDer.toString('base64'),
    },
  };
}

/** Unwraps the content key with the recipient's private key. Throws when the key does not fit or anything was altered. */
export function unwrapKey(wrappedKey: WrappedKey, privateKey: KeyObject): Buffer {
  const blob = Buffer.from(wrappedKey.wrapped, 'base64');
  if (wrappedKey.scheme === 'rsa-oaep-sha256') return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, blob);
  if (!wrappedKey.ephemeralPublicKey) throw new TypeError('X25519 wrapped key without its ephemeral public key');
  const ephemeralDer = Buffer.from(wrappedKey.ephemeralPublicKey, 'base64');
  const recipientDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey, publicKey: createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' }) });
  const kek = x25519Kek(shared, ephemeralDer, recipientDer);
  const sealed = { iv: blob.subarray(0, 12).toString('base64'), tag: blob.subarray(12, 28).toString('base64'), ciphertext: blob.subarray(28).toString('base64') };
  return gcmOpen(kek, sealed, Buffer.from(wrappedKey.recipientFingerprint, 'utf8'));
}

/** Seals the JSON form of `value` with the content key, bound to `aad` (e.g. the item id). */
export function sealValue(contentKey: Buffer, value: unknown, aad: string): SealedValue {
  return gcmSeal(contentKey, Buffer.from(JSON.stringify(value), 'utf8'), Buffer.from(aad, 'utf8'));
}

/** Opens a {@link sealValue} result. Throws when altered, moved to another `aad`, or sealed with another key. */
export function openValue(contentKey: Buffer, sealed: SealedValue, aad: string): unknown {
  return JSON.parse(gcmOpen(contentKey, sealed, Buffer.from(aad, 'utf8')).toString('utf8')) as unknown;
}
