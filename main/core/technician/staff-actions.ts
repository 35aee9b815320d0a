import type { MethodsOf } from '../../../common/contract/define';
import { KioskError } from '../../../common/contract/errors';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { ServiceState } from '../../../common/contract/schemas';
import type { ServiceHold } from './service-hold';
import type { TechnicianAccess } from './technician-access';

/** What the staff role's actions use. */
export interface StaffActionSources {
  access: TechnicianAccess;
  /** The current citizen session: its id while someone is identified, else null. */
  identifiedSessionId(): string | null;
  /** The citizen side's reprint (`printer.reprint`): refuses any job not of the current session. */
  reprintOfSession: MethodsOf<KioskContract['printer']>['reprint'];
  hold: ServiceHold;
  /** The service state now, and announcing a change (`system.onServiceState`). */
  serviceState(): ServiceState;
  announce(): void;
}

/**
 * The `staff` service of a partner site: each call goes through
 * {@link TechnicianAccess.act} with role `staff` (audited as
 * `staff.action`, a lapsed visit refused). The reprint is the citizen
 * side's, scoped to the current session, so staff reprint only for the
 * person present; vouching needs an identified person (`no-session`
 * otherwise). The dispatcher refuses every technician service to this role.
 */
export function staffServiceMethods(sources: StaffActionSources): MethodsOf<KioskContract['staff']> {
  const { access } = sources;
  const state = () => {
    const s = sources.serviceState();
    return { inService: s.inService, reason: s.reason };
  };
  return {
    vouchIdentity: async (_input, ctx) => {
      const sessionId = sources.identifiedSessionId();
      if (!sessionId) throw new KioskError('no-session', 'nobody is identified: there is no one to vouch for');
      access.act('vouch-identity', ctx, { sessionId }, 'staff');
      return { ok: true as const, sessionId };
    },
    reprintForPresent: async ({ jobId }, ctx) => {
      access.act('reprint-for-present', ctx, { jobId }, 'staff');
      return sources.reprintOfSession({ jobId }, ctx);
    },
    takeOutOfService: async (_input, ctx) => {
      const by = access.act('take-out-of-service', ctx, {}, 'staff');
      sources.hold.take(by);
      sources.announce();
      return state();
    },
    backIntoService: async (_input, ctx) => {
      access.act('back-into-service', ctx, {}, 'staff');
      sources.hold.release();
      sources.announce();
      return state();
    },
    handBack: async (_input, ctx) => {
      access.handBack(ctx);
      return { ok: true as const };
    },
  };
}
