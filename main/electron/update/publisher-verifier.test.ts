import { describe, expect, it } from 'vitest';
import { createPublisherVerifier, parseDistinguishedName, type AuthenticodeInfo } from './publisher-verifier';

const OWNER = 'CN=某某信息技术有限公司, O=某某信息技术有限公司, L=郑州市, S=河南省, C=CN';
const stub = (info: AuthenticodeInfo | Error) => async (): Promise<AuthenticodeInfo> => {
  if (info instanceof Error) throw info;
  return info;
};

describe('Windows publisher verifier', () => {
  it('parses distinguished names with quoted and escaped values', () => {
    expect([...parseDistinguishedName('CN=Foo, O="Foo, Inc.", C=CN')]).toEqual([['CN', 'Foo'], ['O', 'Foo, Inc.'], ['C', 'CN']]);
    expect(parseDistinguishedName('cn=A\\, B;o=X').get('CN')).toBe('A, B');
    expect(parseDistinguishedName('just a name').size).toBe(0);
  });

  it('accepts a valid signature of the file by the configured publisher (full DN, any attribute order, or a bare CN)', async () => {
    const verify = createPublisherVerifier(stub({ Status: 0, Path: 'C:\\cache\\setup.exe', SignerCertificate: { Subject: 'C=CN, S=河南省, L=郑州市, O=某某信息技术有限公司, CN=某某信息技术有限公司' } }));
    expect(await verify([OWNER], 'C:\\cache\\setup.exe')).toBeNull();
    expect(await verify(['某某信息技术有限公司'], 'C:\\cache\\setup.exe')).toBeNull();
  });

  it('refuses another publisher, an invalid or missing signature, another file, no names, and an unreadable signature', async () => {
    const file = '/cache/setup.exe';
    const signedBy = (subject: string, extra: Partial<AuthenticodeInfo> = {}) => createPublisherVerifier(stub({ Status: 0, Path: file, SignerCertificate: { Subject: subject }, ...extra }));
    expect(await signedBy('CN=某某信息技术有限公司, O=另一家公司, C=CN')([OWNER], file)).toMatch(/^signed by/);
    expect(await signedBy(OWNER, { Status: 2, StatusMessage: 'NotSigned' })([OWNER], file)).toMatch(/status 2 \(NotSigned\)/);
    expect(await signedBy(OWNER, { Status: 3 })([OWNER], file)).toMatch(/status 3/);
    expect(await signedBy(OWNER, { Path: '/elsewhere/setup.exe' })([OWNER], file)).toMatch(/read from \/elsewhere/);
    expect(await signedBy(OWNER)([], file)).toMatch(/no publisher name configured/);
    expect(await createPublisherVerifier(stub({ Status: 0, SignerCertificate: null }))([OWNER], file)).toMatch(/^signed by ""/);
    expect(await createPublisherVerifier(stub(new Error('powershell.exe not found')))([OWNER], file)).toMatch(/could not be read: powershell.exe not found/);
  });
});
