import { describe, expect, it } from 'vitest';
import { getCiphers, getHashes } from 'node:crypto';
import { cryptoProvider } from './providers';
import { smAlgorithmsAvailable } from './sm-provider';
import { parseSignatureHeader, requestSigningString, signRequestParts, type SignedRequestParts } from './request-signature';

const parts: SignedRequestParts = { method: 'POST', pathAndQuery: '/api/v1/heartbeats', body: Buffer.from('{"a":1}'), timestamp: 1_700_000_000_000, nonce: 'ab'.repeat(16), deviceId: 'KIOSK-1' };

describe('Node 20 OpenSSL has the national algorithms', () => {
  it('lists sm3 and sm4 and makes SM2 keys', () => {
    expect(getHashes()).toContain('sm3');
    expect(getCiphers()).toContain('sm4-ctr');
    expect(smAlgorithmsAvailable()).toBe(true);
  });
});

describe.each(['default', 'sm'] as const)('crypto provider %s', (name) => {
  const p = cryptoProvider(name);

  it('signs and verifies through the wire forms of the keys', () => {
    const pair = p.generateSigningKeyPair();
    const pub = p.importPublicKey(pair.publicKey.export({ type: 'spki', format: 'der' }));
    const priv = p.importPrivateKey(pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
    const data = Buffer.from('message');
    expect(p.verify(pub, data, p.sign(priv, data))).toBe(true);
    expect(p.verify(pair.publicKey, data, p.sign(pair.privateKey, data))).toBe(true);
    expect(p.verify(pub, Buffer.from('messagf'), p.sign(priv, data))).toBe(false);
    expect(p.verify(p.generateSigningKeyPair().publicKey, data, p.sign(priv, data))).toBe(false);
  });

  it('refuses a key of the other provider', () => {
    const other = cryptoProvider(name === 'sm' ? 'default' : 'sm').generateSigningKeyPair();
    expect(() => p.importPublicKey(other.publicKey.export({ type: 'spki', format: 'der' }))).toThrow();
  });

  it('digests to 32 bytes with the named algorithm', () => {
    const d = p.digest(Buffer.from('abc'));
    // GB/T 32905 sample 1 and FIPS 180-2 "abc".
    expect(d.toString('hex')).toBe(
      name === 'sm' ? '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' : 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('seals and opens, and refuses an altered blob, another key or another binding', () => {
    const key = Buffer.alloc(32, 3);
    const blob = p.seal(key, Buffer.from('secret'), Buffer.from('row-1'));
    expect(p.open(key, blob, Buffer.from('row-1')).toString()).toBe('secret');
    const altered = Buffer.from(blob);
    altered[altered.length - 1]! ^= 1;
    expect(() => p.open(key, altered, Buffer.from('row-1'))).toThrow(/authenticate/);
    expect(() => p.open(Buffer.alloc(32, 4), blob, Buffer.from('row-1'))).toThrow(/authenticate/);
    expect(() => p.open(key, blob, Buffer.from('row-2'))).toThrow(/authenticate/);
    expect(() => p.seal(Buffer.alloc(16), Buffer.from('x'), Buffer.alloc(0))).toThrow(/32 bytes/);
  });

  it('names its algorithm in the signature header, and the signature covers every field', () => {
    const pair = p.generateSigningKeyPair();
    const header = signRequestParts(p, pair.privateKey, parts);
    const parsed = parseSignatureHeader(header);
    expect(parsed?.provider.signatureAlgorithm).toBe(p.signatureAlgorithm);
    expect(header.startsWith(`alg=${p.signatureAlgorithm}, sig=`)).toBe(true);
    expect(p.verify(pair.publicKey, requestSigningString(p, parts), parsed!.signature)).toBe(true);
    for (const change of [{ method: 'GET' }, { pathAndQuery: '/api/v1/time' }, { body: Buffer.from('{"a":2}') }, { timestamp: 1 }, { nonce: 'cd'.repeat(16) }, { deviceId: 'KIOSK-2' }]) {
      expect(p.verify(pair.publicKey, requestSigningString(p, { ...parts, ...change }), parsed!.signature)).toBe(false);
    }
  });
});

describe('parseSignatureHeader', () => {
  it('refuses malformed headers and unknown algorithms', () => {
    for (const bad of [undefined, '', 'sig=abc', 'alg=rsa, sig=AAAA', 'alg=ed25519,sig=AAAA', 'alg=ed25519, sig=!!!']) expect(parseSignatureHeader(bad)).toBeNull();
  });
});
