import { createPublicKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import { readOrCreateFile } from '../fs/read-or-create-file';
import type { KeyProvider } from './key-provider';

/** File of the sealed device key inside the data directory. */
export const DEVICE_KEY_FILE = 'device-key.sealed';

/** The terminal's signing key: the private half stays in this process. */
export interface DeviceKey {
  algorithm: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * The device's signing key, generated with `provider` on first start and
 * kept in `<dataDir>/device-key.sealed` (mode 0600) as JSON
 * `{version: 1, algorithm, sealed}`, where `sealed` is the PKCS#8 DER private
 * key sealed (AES-256-GCM, bound to the algorithm) with the key provider's
 * data key: the file alone opens nowhere. Creation is atomic (two processes
 * agree on one key). Throws when the file holds a key of another algorithm
 * than `provider`'s (a deployment switching providers must re-enrol with a
 * new key, never silently replace one), or when it does not open with this
 * installation's data key.
 */
export function loadOrCreateDeviceKey(dataDir: string, keys: KeyProvider, provider: CryptoProvider, sealer: CryptoProvider): DeviceKey {
  const path = join(dataDir, DEVICE_KEY_FILE);
  const aad = (alg: string) => Buffer.from(`device-key:${alg}`, 'utf8');
  const text = readOrCreateFile(path, () => {
    const pair = provider.generateSigningKeyPair();
    const der = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
    return JSON.stringify({ version: 1, algorithm: provider.signatureAlgorithm, sealed: sealer.seal(keys.getKey(), der, aad(provider.signatureAlgorithm)).toString('base64') });
  }).toString('utf8');
  const file = JSON.parse(text) as { version?: unknown; algorithm?: unknown; sealed?: unknown };
  if (file.version !== 1 || typeof file.algorithm !== 'string' || typeof file.sealed !== 'string') throw new Error(`${path} is not a device key file`);
  if (file.algorithm !== provider.signatureAlgorithm) throw new Error(`${path} holds a ${file.algorithm} key, configured provider signs with ${provider.signatureAlgorithm}`);
  const der = sealer.open(keys.getKey(), Buffer.from(file.sealed, 'base64'), aad(file.algorithm));
  const privateKey = provider.importPrivateKey(der);
  const publicKey = provider.importPublicKey(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
  return { algorithm: file.algorithm, privateKey, publicKey };
}
