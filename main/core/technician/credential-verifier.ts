import type { KeyObject } from 'node:crypto';
import type { TechnicianRefusal } from '../../../common/contract/schemas';
import type { CryptoProvider } from '../../../common/crypto/crypto-provider';
import { credentialRole, readTechnicianCredential, technicianPinMatches, type TechnicianCredentialRole } from '../../../common/crypto/technician-credential';

/** What the terminal checks a credential against (from its enrolment). */
export interface TerminalTrustAnchor {
  provider: CryptoProvider;
  /** The platform key learnt at enrolment. */
  platformPublicKey: KeyObject;
  siteId: string;
  deviceId: string;
}

/** A verified technician: their own id and name, and when the credential ends. */
export interface VerifiedTechnician {
  id: string;
  name: string;
  expiresAt: Date;
  /** The role the credential grants (`technician`, or `staff` at a partner site). */
  role: TechnicianCredentialRole;
}

/** Outcome of {@link verifyTechnicianCredential}. */
export type CredentialCheck = { ok: true; technician: VerifiedTechnician } | { ok: false; reason: Exclude<TechnicianRefusal, 'locked' | 'not-enrolled'> };

/**
 * Checks a technician credential offline, in this order: form, the platform
 * key's signature, expiry (`exp` in the past or now: refused), coverage (the
 * terminal's site, `*`, or its device id), then the PIN (scrypt; last, so a
 * forged or foreign token costs no scrypt). Never throws.
 */
export function verifyTechnicianCredential(token: string, pin: string, anchor: TerminalTrustAnchor, now: Date): CredentialCheck {
  const read = readTechnicianCredential(token, anchor.provider, anchor.platformPublicKey);
  if (!read.ok) return read;
  const p = read.payload;
  if (p.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  const covered = p.sites.includes('*') || p.sites.includes(anchor.siteId) || p.devices.includes(anchor.deviceId);
  if (!covered) return { ok: false, reason: 'other-site' };
  if (!technicianPinMatches(p, pin)) return { ok: false, reason: 'pin-wrong' };
  return { ok: true, technician: { id: p.tid, name: p.name, expiresAt: new Date(p.exp * 1000), role: credentialRole(p) } };
}
