import { createCipheriv, createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, getCiphers, getHashes, randomBytes, sign, timingSafeEqual, verify } from 'node:crypto';
import { checkSealKey, type CryptoProvider } from './crypto-provider';

const VERSION = 2;
const IV_BYTES = 16;
const TAG_BYTES = 32;

/**
 * True when this process's crypto library has SM2, SM3 and SM4 (Node 20's
 * OpenSSL 3 does; Electron's BoringSSL does not, so the SM provider runs in
 * plain Node only).
 */
export function smAlgorithmsAvailable(): boolean {
  if (!getHashes().includes('sm3') || !getCiphers().includes('sm4-ctr')) return false;
  try {
    generateKeyPairSync('ec', { namedCurve: 'SM2' });
    return true;
  } catch {
    return false;
  }
}

/**
 * China's national algorithms through Node's OpenSSL: SM2 signatures with
 * SM3 (OpenSSL's SM2 signature over the SM3 digest, DER-encoded r,s), SM3
 * digests, and SM4 sealing. OpenSSL has no SM4-GCM, so sealing is SM4-CTR
 * with HMAC-SM3 over `version | iv | aad length | aad | ciphertext`
 * (encrypt-then-MAC); the 32-byte key is split into a 16-byte SM4 key and a
 * 16-byte MAC key. Blob: `version(1)=2 | iv(16) | ciphertext | tag(32)`.
 * Every method throws when the runtime lacks the algorithms (see
 * {@link smAlgorithmsAvailable}).
 */
export const smCryptoProvider: CryptoProvider = {
  name: 'sm',
  signatureAlgorithm: 'sm2-sm3',
  digestAlgorithm: 'sm3',
  sealAlgorithm: 'sm4-ctr-hmac-sm3',
  generateSigningKeyPair() {
    // A freshly generated key object is an "EC key on the SM2 curve": Node signs
    // with it as plain ECDSA. Re-imported from DER, OpenSSL 3 types it as an SM2
    // key and signs per GB/T 32918 (Z value with the default ID), so every key
    // goes through DER before use.
    const pair = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    return {
      publicKey: smCryptoProvider.importPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' })),
      privateKey: smCryptoProvider.importPrivateKey(pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
    };
  },
  importPublicKey(spkiDer) {
    const key = createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== undefined) throw new Error(`not an SM2 public key (${key.asymmetricKeyType})`);
    return key;
  },
  importPrivateKey(pkcs8Der) {
    const key = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== undefined) throw new Error(`not an SM2 private key (${key.asymmetricKeyType})`);
    return key;
  },
  sign: (privateKey, data) => sign('sm3', data, privateKey),
  verify(publicKey, data, signature) {
    // Node 20 does not name OpenSSL's SM2 key type: an imported SM2 key has no asymmetricKeyType.
    if (publicKey.asymmetricKeyType !== undefined) return false;
    try {
      return verify('sm3', data, publicKey, signature);
    } catch {
      return false;
    }
  },
  digest: (data) => createHash('sm3').update(data).digest(),
  seal(key, plaintext, aad) {
    checkSealKey(key);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', key.subarray(0, 16), iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const head = Buffer.concat([Buffer.from([VERSION]), iv]);
    return Buffer.concat([head, body, mac(key, head, aad, body)]);
  },
  open(key, blob, aad) {
    checkSealKey(key);
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('sealed blob has an unknown format');
    const head = blob.subarray(0, 1 + IV_BYTES);
    const body = blob.subarray(1 + IV_BYTES, blob.length - TAG_BYTES);
    const tag = blob.subarray(blob.length - TAG_BYTES);
    if (!timingSafeEqual(tag, mac(key, head, aad, body))) throw new Error('sealed blob did not authenticate (altered, or another key or binding)');
    const decipher = createDecipheriv('sm4-ctr', key.subarray(0, 16), head.subarray(1));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  },
};

function mac(key: Buffer, head: Buffer, aad: Buffer, body: Buffer): Buffer {
  const aadLength = Buffer.alloc(4);
  aadLength.writeUInt32BE(aad.length);
  return createHmac('sm3', key.subarray(16)).update(head).update(aadLength).update(aad).update(body).digest();
}
