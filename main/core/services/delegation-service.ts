import type { MethodsOf } from '../../../common/contract/define';
import type { DelegationRefusal } from '../../../common/contract/delegation-schemas';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { KioskError } from '../../../common/contract/errors';
import { isChildForGuardianRoute } from '../../../common/domain/delegation-rules';
import { isValidIdNumber } from '../../../common/domain/id-number';
import { PlatformHttpError, type PlatformClient } from '../../../uplink/index';
import type { DelegationManager } from '../session/delegation-manager';
import type { SessionManager } from '../session/session-manager';
import { platformFailure } from './platform-failure';

/** Options of {@link delegationMethods}. */
export interface DelegationServiceOptions {
  session: SessionManager;
  delegation: DelegationManager;
  platform: Pick<PlatformClient, 'verifyDelegation' | 'guardianCheck'>;
  /** Platform-corrected now (the guardian route's age check). Default `new Date()`. */
  now?: () => Date;
}

const AUTHORISATION_REFUSALS: ReadonlySet<string> = new Set(['authorisation-invalid', 'authorisation-expired', 'authorisation-other-agent']);
const GUARDIAN_REFUSALS: Readonly<Record<string, DelegationRefusal>> = {
  'child-over-14': 'child-over-14',
  'guardian-check-failed': 'guardian-check-failed',
  'id-rejected': 'id-number-invalid',
};

/** The refusal a failed platform check means: unreachable, one of the platform's stated reasons, else `fallback`. */
function refusalOf(error: unknown, known: (code: string) => DelegationRefusal | null, fallback: DelegationRefusal): DelegationRefusal {
  if (platformFailure(error).reason === 'unreachable') return 'platform-unreachable';
  if (error instanceof PlatformHttpError && error.errorCode) return known(error.errorCode) ?? fallback;
  return fallback;
}

/** The contract methods of the `delegation` service (代办). */
export function delegationMethods({ session, delegation, platform, now = () => new Date() }: DelegationServiceOptions): MethodsOf<KioskContract['delegation']> {
  const agentOrThrow = () => {
    const agent = session.currentIdentity();
    if (!agent) throw new KioskError('no-session', 'the agent identifies first');
    return agent;
  };
  return {
    current: async () => delegation.view(),
    start: async ({ route }) => {
      agentOrThrow();
      return delegation.start(route);
    },
    useAuthorisation: async ({ token }) => {
      const agent = agentOrThrow();
      if (!delegation.awaitingAuthorisation()) delegation.start('authorisation');
      if (/[\x00-\x1f\x7f]/.test(token) || agent.idNumber === null) return delegation.refuse('authorisation-invalid');
      try {
        const { body } = await platform.verifyDelegation({ token: token.trim(), agentIdNumber: agent.idNumber });
        return delegation.principalIdentified({
          route: 'authorisation',
          principal: { method: 'qr', name: body.principal.name, idNumber: body.principal.idNumber, address: null, cardType: null, expired: false },
          consent: { kind: 'authorisation', ref: body.authorisationId },
          authorisation: { services: body.services, expiresAt: body.expiresAt },
        });
      } catch (error) {
        return delegation.refuse(refusalOf(error, (code) => (AUTHORISATION_REFUSALS.has(code) ? (code as DelegationRefusal) : null), 'authorisation-invalid'));
      }
    },
    checkGuardian: async ({ childIdNumber, relation }) => {
      const agent = agentOrThrow();
      const child = childIdNumber.trim().toUpperCase();
      // Checked here first, so a mistyped number or a child of 14 is told at once, without a round trip.
      if (!isValidIdNumber(child)) return delegation.refuse('id-number-invalid');
      if (!isChildForGuardianRoute(child, now())) return delegation.refuse('child-over-14');
      if (agent.idNumber === null) return delegation.refuse('guardian-check-failed');
      try {
        const { body } = await platform.guardianCheck({ guardianIdNumber: agent.idNumber, childIdNumber: child, relation });
        return delegation.principalIdentified({
          route: 'guardian',
          principal: { method: 'qr', name: body.child.name, idNumber: body.child.idNumber, address: null, cardType: 'resident', expired: false },
          consent: { kind: 'guardian-check', ref: body.checkId },
          authorisation: null,
          relation,
        });
      } catch (error) {
        return delegation.refuse(refusalOf(error, (code) => GUARDIAN_REFUSALS[code] ?? null, 'guardian-check-failed'));
      }
    },
    setRelation: async ({ relation }) => {
      agentOrThrow();
      return delegation.setRelation(relation);
    },
    stop: async () => delegation.stop(),
  };
}
