import type { TechnicianLockState, TechnicianRefusal } from '../../../common/contract/schemas';
import { verifyTechnicianCredential, type TerminalTrustAnchor, type VerifiedTechnician } from './credential-verifier';
import type { TechnicianLockout } from './lockout';

/** The audit chain (store.audit). Entries carry the technician id, never a PIN or a token. */
export interface EntryAudit {
  append(type: string, data: Record<string, unknown>): unknown;
}

/** Outcome of {@link checkTechnicianEntry}. */
export type TechnicianEntry = { ok: true; technician: VerifiedTechnician } | { ok: false; reason: TechnicianRefusal; lock: TechnicianLockState };

/**
 * One technician entry attempt, wherever it is made (the unlock screen, the
 * packaged kioskctl): a locked terminal refuses before anything is checked
 * (audited, not counted again); otherwise the credential is checked offline
 * against `anchor` (null: not enrolled, refused), every refusal counts
 * towards the per-terminal lockout, and a success clears it. Audited as
 * `<auditPrefix>.unlock-refused` / `technician.lockout` /
 * `<auditPrefix>.unlock` with the technician id only. Never throws for a
 * refusal.
 */
export function checkTechnicianEntry(options: {
  anchor: TerminalTrustAnchor | null;
  lockout: TechnicianLockout;
  audit: EntryAudit;
  credential: string;
  pin: string;
  now: Date;
  /** `technician` (the screen) or `kioskctl`. */
  auditPrefix: string;
  /** Extra fields of the success entry (e.g. the role and the connection's transport). */
  auditDetail?: (technician: VerifiedTechnician) => Record<string, unknown>;
}): TechnicianEntry {
  const { lockout, audit, auditPrefix } = options;
  const before = lockout.state();
  if (before.lockedUntil) {
    audit.append(`${auditPrefix}.unlock-refused`, { reason: 'locked', lockedUntil: before.lockedUntil });
    return { ok: false, reason: 'locked', lock: before };
  }
  const check = options.anchor ? verifyTechnicianCredential(options.credential, options.pin, options.anchor, options.now) : ({ ok: false, reason: 'not-enrolled' } as const);
  if (!check.ok) {
    const { state, lockedForMs } = lockout.fail();
    audit.append(`${auditPrefix}.unlock-refused`, { reason: check.reason, attemptsLeft: state.attemptsLeft });
    if (lockedForMs !== null) audit.append('technician.lockout', { minutes: lockedForMs / 60_000, lockedUntil: state.lockedUntil });
    return { ok: false, reason: lockedForMs !== null ? 'locked' : check.reason, lock: state };
  }
  lockout.succeed();
  const t = check.technician;
  audit.append(`${auditPrefix}.unlock`, { technicianId: t.id, ...options.auditDetail?.(t), expiresAt: t.expiresAt.toISOString() });
  return check;
}
