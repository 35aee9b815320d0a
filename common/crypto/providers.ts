import type { CryptoProvider, SignatureAlgorithm } from './crypto-provider';
import { defaultCryptoProvider } from './default-provider';
import { smCryptoProvider } from './sm-provider';

/** Provider names a configuration may choose. */
export type CryptoProviderName = 'default' | 'sm';

/** The provider of a configured name (`default`: Ed25519/SHA-256/AES-256-GCM; `sm`: SM2/SM3/SM4). */
export function cryptoProvider(name: CryptoProviderName): CryptoProvider {
  return name === 'sm' ? smCryptoProvider : defaultCryptoProvider;
}

/** The provider whose signatures carry `alg`, or null for an algorithm the protocol does not know. */
export function providerForSignature(alg: string): CryptoProvider | null {
  const byAlg: Record<SignatureAlgorithm, CryptoProvider> = { ed25519: defaultCryptoProvider, 'sm2-sm3': smCryptoProvider };
  return Object.hasOwn(byAlg, alg) ? byAlg[alg as SignatureAlgorithm] : null;
}
