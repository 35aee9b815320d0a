import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CryptoProvider } from '../../common/crypto/crypto-provider';
import type { DevicesStore } from '../store/devices-store';
import { NonceCache } from './nonce-cache';

/** Default accepted distance between a request's timestamp and platform time: ±300 s. */
export const DEFAULT_SIGNATURE_WINDOW_MS = 300_000;

/** The platform's side of trust: enrolled devices, its own keys, the replay cache and the enforcement switch. */
export class TrustState {
  readonly nonces = new NonceCache();
  private readonly keys = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();

  constructor(
    readonly devices: DevicesStore,
    /** When true, an unsigned API request is refused (`signature-missing`); a signed one is always checked. */
    public requireSignedRequests: boolean,
    readonly windowMs: number = DEFAULT_SIGNATURE_WINDOW_MS,
  ) {}

  /** The platform's key pair for a provider's algorithm, made once and kept in the database. */
  platformKey(provider: CryptoProvider): { publicKey: KeyObject; privateKey: KeyObject } {
    const cached = this.keys.get(provider.signatureAlgorithm);
    if (cached) return cached;
    const der = this.devices.platformKey(provider.signatureAlgorithm, () => provider.generateSigningKeyPair().privateKey.export({ type: 'pkcs8', format: 'der' }));
    const privateKey = provider.importPrivateKey(der);
    const publicKey = provider.importPublicKey(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
    const pair = { publicKey, privateKey };
    this.keys.set(provider.signatureAlgorithm, pair);
    return pair;
  }
}
