import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { checkSealKey, type CryptoProvider } from './crypto-provider';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The international default: Ed25519 signatures, SHA-256 digests and
 * AES-256-GCM sealing (`version(1) | iv(12) | tag(16) | ciphertext`).
 */
export const defaultCryptoProvider: CryptoProvider = {
  name: 'default',
  signatureAlgorithm: 'ed25519',
  digestAlgorithm: 'sha256',
  sealAlgorithm: 'aes-256-gcm',
  generateSigningKeyPair: () => generateKeyPairSync('ed25519'),
  importPublicKey(spkiDer) {
    const key = createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key (${key.asymmetricKeyType ?? 'unknown type'})`);
    return key;
  },
  importPrivateKey(pkcs8Der) {
    const key = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 private key (${key.asymmetricKeyType ?? 'unknown type'})`);
    return key;
  },
  sign: (privateKey: KeyObject, data: Buffer) => sign(null, data, privateKey),
  verify(publicKey, data, signature) {
    if (publicKey.asymmetricKeyType !== 'ed25519') return false;
    try {
      return verify(null, data, publicKey, signature);
    } catch {
      return false;
    }
  },
  digest: (data) => createHash('sha256').update(data).digest(),
  seal(key, plaintext, aad) {
    checkSealKey(key);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  },
  open(key, blob, aad) {
    checkSealKey(key);
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('sealed blob has an unknown format');
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aad);
    decipher.setAuthTag(blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error('sealed blob did not authenticate (altered, or another key or binding)');
    }
  },
};
