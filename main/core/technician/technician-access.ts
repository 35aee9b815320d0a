import { IN_PROCESS_CONNECTION, type CallContext, type ConnectionRegistry } from '../../../common/contract/connections';
import { KioskError } from '../../../common/contract/errors';
import type { TechnicianLockState, TechnicianUnlockResult } from '../../../common/contract/schemas';
import type { TerminalTrustAnchor } from './credential-verifier';
import { checkTechnicianEntry } from './entry-check';
import type { TechnicianLockout } from './lockout';

/** The roles a credential grants at unlock. */
export type VisitRole = 'technician' | 'staff';

/** Default seconds without a technician call before the role lapses: 120. */
export const DEFAULT_TECHNICIAN_IDLE_SECONDS = 120;

/** The audit chain (store.audit). Entries carry the technician id, never a PIN or a token. */
export interface AuditSink {
  append(type: string, data: Record<string, unknown>): unknown;
}

/** Options of {@link TechnicianAccess}. */
export interface TechnicianAccessOptions {
  connections: ConnectionRegistry;
  /** The platform key and the terminal's site; null when not enrolled (every unlock is refused `not-enrolled`). */
  anchor: TerminalTrustAnchor | null;
  lockout: TechnicianLockout;
  audit: AuditSink;
  /** Default {@link DEFAULT_TECHNICIAN_IDLE_SECONDS}. */
  idleSeconds?: number;
  /** Clock; default `new Date()`. */
  now?: () => Date;
}

interface Visit {
  technicianId: string;
  role: VisitRole;
  expiresAt: number;
  lastCall: number;
}

/**
 * Technician entry and exit for the core: checks a credential, grants the
 * `technician` role to the calling connection only, and takes it away again
 * at hand-back, after `idleSeconds` without a technician call, when the
 * credential expires, or when the connection is gone ({@link sweep}).
 */
export class TechnicianAccess {
  private readonly visits = new Map<string, Visit>();
  private readonly idleMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: TechnicianAccessOptions) {
    this.idleMs = (options.idleSeconds ?? DEFAULT_TECHNICIAN_IDLE_SECONDS) * 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** The lockout as the unlock screen shows it. */
  lockState(): TechnicianLockState {
    return this.options.lockout.state();
  }

  /**
   * `technicianAccess.unlock`. A locked terminal refuses before anything is
   * checked (audited, not counted again). Every other refusal counts towards
   * the lockout. Throws KioskError `forbidden` for an in-process call (no
   * connection to grant to).
   */
  unlock(input: { credential: string; pin: string }, ctx: CallContext): TechnicianUnlockResult {
    if (ctx.connection === IN_PROCESS_CONNECTION) throw new KioskError('forbidden', 'technician entry needs a host connection');
    const check = checkTechnicianEntry({ ...this.options, credential: input.credential, pin: input.pin, now: this.now(), auditPrefix: 'technician', auditDetail: (t) => ({ role: t.role, connection: ctx.connection.transport }) });
    if (!check.ok) return check;
    const t = check.technician;
    this.options.connections.grant(ctx.connection.id, t.role);
    this.visits.set(ctx.connection.id, { technicianId: t.id, role: t.role, expiresAt: t.expiresAt.getTime(), lastCall: this.now().getTime() });
    return { ok: true, technician: { id: t.id, name: t.name, expiresAt: t.expiresAt.toISOString() }, role: t.role, idleTimeoutSeconds: this.idleMs / 1000 };
  }

  /**
   * Called at the start of every technician (or staff) action: keeps the
   * visit alive and audits `technician.action` (`staff.action` for
   * `role` staff) with its name and `detail` (ids only, never personal
   * data). Returns the technician id (`host-granted` for a role the host
   * granted without an unlock). A lapsed visit is ended first, so the
   * dispatcher refuses the next call.
   */
  act(action: string, ctx: CallContext, detail: Record<string, unknown> = {}, role: VisitRole = 'technician'): string {
    const hadVisit = this.visits.has(ctx.connection.id);
    this.sweep();
    const visit = this.visits.get(ctx.connection.id);
    if (hadVisit && !visit) throw new KioskError('forbidden', 'technician visit has ended', { role: 'technician' });
    // The dispatcher has checked the role; a role the host granted without a visit (tests, tools) is audited as such.
    if (visit) visit.lastCall = this.now().getTime();
    const technicianId = visit?.technicianId ?? 'host-granted';
    if (action !== 'status') this.options.audit.append(`${role}.action`, { technicianId, action, ...detail });
    return technicianId;
  }

  /** True while a technician (not staff) visit is open on some connection: the devices are under test, so a card or scan opens no citizen session. */
  technicianPresent(): boolean {
    this.sweep();
    for (const visit of this.visits.values()) if (visit.role === 'technician') return true;
    return false;
  }

  /** `technician.handBack`: the role is taken away from this connection; audited. Idempotent. */
  handBack(ctx: CallContext): void {
    this.end(ctx.connection.id, 'hand-back');
  }

  /** Ends visits that are idle, expired or whose connection is closed (called by a timer and before every action). */
  sweep(): void {
    const t = this.now().getTime();
    for (const [id, visit] of this.visits) {
      const open = this.options.connections.get(id) !== undefined;
      if (!open) this.end(id, 'connection-closed');
      else if (t >= visit.expiresAt) this.end(id, 'credential-expired');
      else if (t - visit.lastCall >= this.idleMs) this.end(id, 'idle-timeout');
    }
  }

  private end(id: string, why: string): void {
    const visit = this.visits.get(id);
    this.visits.delete(id);
    if (this.options.connections.get(id)) this.options.connections.revoke(id, visit?.role ?? 'technician');
    if (visit) this.options.audit.append('technician.end', { technicianId: visit.technicianId, role: visit.role, why });
  }
}
