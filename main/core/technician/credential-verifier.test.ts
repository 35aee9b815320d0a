import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../../common/crypto/providers';
import type { CryptoProvider } from '../../../common/crypto/crypto-provider';
import { issueTechnicianCredential } from '../../../common/crypto/technician-credential';
import { verifyTechnicianCredential, type TerminalTrustAnchor } from './credential-verifier';

const NOW = new Date('2026-12-07T10:00:00Z');
const HOUR = 3600_000;

function setup(provider: CryptoProvider) {
  const platform = provider.generateSigningKeyPair();
  const anchor: TerminalTrustAnchor = { provider, platformPublicKey: platform.publicKey, siteId: 'site-a', deviceId: 'KIOSK-7' };
  const issue = (over: { sites?: string[]; devices?: string[]; expiresAt?: Date; key?: typeof platform.privateKey; role?: 'technician' | 'staff' } = {}) =>
    issueTechnicianCredential(provider, over.key ?? platform.privateKey, {
      technicianId: 'tech-042',
      name: '王工',
      sites: over.sites ?? ['site-a'],
      devices: over.devices ?? [],
      role: over.role,
      pin: '482916',
      salt: randomBytes(16),
      issuedAt: new Date(NOW.getTime() - HOUR),
      expiresAt: over.expiresAt ?? new Date(NOW.getTime() + 8 * HOUR),
    });
  return { anchor, issue };
}

for (const name of ['default', 'sm'] as const) {
  describe(`technician credential, checked offline (${name} provider)`, () => {
    const provider = cryptoProvider(name);
    const { anchor, issue } = setup(provider);

    it('accepts a credential of this site with the right PIN, giving the technician id, name and expiry', () => {
      expect(verifyTechnicianCredential(issue(), '482916', anchor, NOW)).toEqual({ ok: true, technician: { id: 'tech-042', name: '王工', expiresAt: new Date(NOW.getTime() + 8 * HOUR), role: 'technician' } });
    });

    it('a staff credential grants the staff role; a token naming an unknown role is malformed', () => {
      expect(verifyTechnicianCredential(issue({ role: 'staff' }), '482916', anchor, NOW)).toMatchObject({ ok: true, technician: { role: 'staff' } });
      const forged = issue().split('.');
      const payload = JSON.parse(Buffer.from(forged[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const admin = `KT1.${Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url')}.${forged[2]}`;
      expect(verifyTechnicianCredential(admin, '482916', anchor, NOW)).toEqual({ ok: false, reason: 'malformed' });
    });

    it('accepts a credential naming this device, or every site', () => {
      expect(verifyTechnicianCredential(issue({ sites: [], devices: ['KIOSK-7'] }), '482916', anchor, NOW).ok).toBe(true);
      expect(verifyTechnicianCredential(issue({ sites: ['*'] }), '482916', anchor, NOW).ok).toBe(true);
    });

    it('refuses a wrong PIN', () => {
      expect(verifyTechnicianCredential(issue(), '482917', anchor, NOW)).toEqual({ ok: false, reason: 'pin-wrong' });
    });

    it('refuses a credential signed by another key', () => {
      const other = provider.generateSigningKeyPair();
      expect(verifyTechnicianCredential(issue({ key: other.privateKey }), '482916', anchor, NOW)).toEqual({ ok: false, reason: 'signature-invalid' });
    });

    it('refuses a credential whose payload was altered after signing (wider sites)', () => {
      const [prefix, payload, sig] = issue().split('.') as [string, string, string];
      const changed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sites: string[] };
      changed.sites = ['*'];
      const forged = `${prefix}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sig}`;
      expect(verifyTechnicianCredential(forged, '482916', { ...anchor, siteId: 'site-b' }, NOW)).toEqual({ ok: false, reason: 'signature-invalid' });
    });

    it('refuses an expired credential, from its expiry second on', () => {
      const token = issue({ expiresAt: new Date(NOW.getTime() + 1000) });
      expect(verifyTechnicianCredential(token, '482916', anchor, NOW).ok).toBe(true);
      expect(verifyTechnicianCredential(token, '482916', anchor, new Date(NOW.getTime() + 1000))).toEqual({ ok: false, reason: 'expired' });
    });

    it('refuses a credential for another site', () => {
      expect(verifyTechnicianCredential(issue({ sites: ['site-b'], devices: ['KIOSK-8'] }), '482916', anchor, NOW)).toEqual({ ok: false, reason: 'other-site' });
    });

    it('refuses anything that is not a token as malformed, never throwing', () => {
      for (const junk of ['', 'hello', 'KT1.abc', 'KT1.!!.??', `KT2.${issue().split('.').slice(1).join('.')}`, `KT1.${Buffer.from('{"v":1}').toString('base64url')}.AAAA`, 'x'.repeat(5000)]) {
        expect(verifyTechnicianCredential(junk, '482916', anchor, NOW)).toEqual({ ok: false, reason: 'malformed' });
      }
    });

    it('keeps only a salted hash of the PIN in the token', () => {
      const a = issue();
      const b = issue();
      const text = Buffer.from(a.split('.')[1]!, 'base64url').toString('utf8');
      expect(text).not.toContain('482916');
      expect(JSON.parse(text).pin.hash).not.toBe(JSON.parse(Buffer.from(b.split('.')[1]!, 'base64url').toString('utf8')).pin.hash);
    });
  });
}

it('refuses an SM2 credential on a terminal enrolled with Ed25519 (the algorithm is the enrolment\'s)', () => {
  const sm = setup(cryptoProvider('sm'));
  const ed = setup(cryptoProvider('default'));
  expect(verifyTechnicianCredential(sm.issue(), '482916', ed.anchor, NOW)).toEqual({ ok: false, reason: 'signature-invalid' });
});
