import type { TechnicianLockState } from '../../common/contract/schemas';
import { providerForSignature } from '../../common/crypto/providers';
import { readEnrolment } from '../../offline-cache/crypto/enrolment-file';
import type { KioskStore } from '../../offline-cache/index';
import type { TerminalTrustAnchor } from '../core/technician/credential-verifier';
import { checkTechnicianEntry, type TechnicianEntry } from '../core/technician/entry-check';
import { TechnicianLockout } from '../core/technician/lockout';

/** The trust anchor of `<dataDir>`'s enrolment (the platform key learnt at enrolment), or null when the terminal is not enrolled. */
export function enrolledAnchor(dataDir: string): TerminalTrustAnchor | null {
  const enrolment = readEnrolment(dataDir);
  const provider = enrolment ? providerForSignature(enrolment.algorithm) : null;
  if (!enrolment || !provider) return null;
  return { provider, platformPublicKey: provider.importPublicKey(Buffer.from(enrolment.platformPublicKey, 'base64')), siteId: enrolment.siteId, deviceId: enrolment.deviceId };
}

/** Outcome of {@link loginTechnician}: the entry check's, or `staff-role` for a partner site's staff credential (kioskctl is the technician's tool). */
export type KioskctlLogin = TechnicianEntry | { ok: false; reason: 'staff-role'; lock: TechnicianLockState };

/**
 * The technician check of the packaged `kioskctl` (`gov-kiosk --kioskctl`):
 * the same offline check and the same lockout as the terminal's unlock
 * screen (the lockout lives in the store, so one earned on the screen holds
 * here and the other way round), audited as `kioskctl.unlock*`. A valid
 * staff credential is refused (`staff-role`, audited): staff have their
 * smaller role on the screen only.
 */
export function loginTechnician(options: { dataDir: string; store: KioskStore; credential: string; pin: string; now?: () => Date }): KioskctlLogin {
  const now = options.now ?? (() => new Date());
  const lockout = new TechnicianLockout(options.store.config, now);
  const entry = checkTechnicianEntry({
    anchor: enrolledAnchor(options.dataDir),
    lockout,
    audit: options.store.audit,
    credential: options.credential,
    pin: options.pin,
    now: now(),
    auditPrefix: 'kioskctl',
  });
  if (entry.ok && entry.technician.role !== 'technician') {
    options.store.audit.append('kioskctl.unlock-refused', { reason: 'staff-role', technicianId: entry.technician.id });
    return { ok: false, reason: 'staff-role', lock: lockout.state() };
  }
  return entry;
}
