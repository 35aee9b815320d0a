import { z } from 'zod';
import { DELEGATION_RELATIONS, GUARDIAN_RELATIONS, type DelegationRelation } from './delegation-values';

/**
 * Acting for another person (代办): the `delegation` service's schemas. The
 * agent is the identified person of the session; the principal is the person
 * the application is for. The renderer sees the principal masked only.
 */

/** How the principal is identified: their own ID card on the reader, an authorisation from their phone (QR), or a guardian check for a child under 14. */
export const DelegationRouteSchema = z.enum(['card', 'authorisation', 'guardian']);
export type DelegationRoute = z.infer<typeof DelegationRouteSchema>;

/** The agent's relation to the principal (values in `delegation-values.ts`, which the renderer may import). */
export const DelegationRelationSchema = z.enum(DELEGATION_RELATIONS);
export type { DelegationRelation };

/** The relations a guardian of a child under 14 may state. */
export const GuardianRelationSchema = z.enum(GUARDIAN_RELATIONS);

/**
 * Why the principal, or a service for them, was refused:
 * - `same-person`: the card or authorisation names the agent themselves;
 * - `authorisation-invalid` / `-expired` / `-other-agent` / `-other-service`: the phone authorisation is not genuine, has expired, names another agent, or does not cover the service;
 * - `guardian-check-failed`: the household register does not show the agent as the child's guardian;
 * - `child-over-14`: the child is 14 or older (they come with their own card);
 * - `id-number-invalid`: the child's ID number fails the GB 11643 check;
 * - `not-delegable`: the catalogue does not allow this service to be done for someone else;
 * - `platform-unreachable`: the platform, which checks authorisations and guardians, cannot be reached.
 */
export const DelegationRefusalSchema = z.enum([
  'same-person',
  'authorisation-invalid',
  'authorisation-expired',
  'authorisation-other-agent',
  'authorisation-other-service',
  'guardian-check-failed',
  'child-over-14',
  'id-number-invalid',
  'not-delegable',
  'platform-unreachable',
]);
export type DelegationRefusal = z.infer<typeof DelegationRefusalSchema>;

/** What the renderer may know about a delegation: the principal masked, never the evidence. */
export const DelegationViewSchema = z.object({
  /** `none`: the agent acts for themselves; `awaiting-card` / `awaiting-authorisation`: the principal's card or QR is expected; `ready`: the principal is known. */
  state: z.enum(['none', 'awaiting-card', 'awaiting-authorisation', 'ready']),
  route: DelegationRouteSchema.nullable(),
  relation: DelegationRelationSchema.nullable(),
  principal: z.object({ maskedName: z.string().max(64), maskedIdNumber: z.string().max(40).nullable() }).nullable(),
  /** Service codes an authorisation covers; null when not limited by one (card, guardian). */
  services: z.array(z.string().max(64)).max(100).nullable(),
  /** When the authorisation expires (ISO 8601); null without one. */
  expiresAt: z.string().max(40).nullable(),
  /** The last refusal while identifying the principal; null: none. */
  refusal: DelegationRefusalSchema.nullable(),
});
export type DelegationView = z.infer<typeof DelegationViewSchema>;

export const DelegationStartSchema = z.object({ route: z.enum(['card', 'authorisation']) });
export const DelegationAuthorisationSchema = z.object({ token: z.string().min(1).max(2048) });
export const DelegationGuardianSchema = z.object({ childIdNumber: z.string().min(1).max(18), relation: GuardianRelationSchema });
export const DelegationRelationRequestSchema = z.object({ relation: DelegationRelationSchema });
