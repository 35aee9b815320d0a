import { isValidIdNumber } from './id-number';

/**
 * Pure rules of acting for another person (代办), shared by the core, the
 * renderer and platform-sim: the age limit of the guardian route and which
 * services a delegation may be used for.
 */

/** A guardian route is for a child younger than this many whole years (the child has no card of their own, or not with them). */
export const GUARDIAN_CHILD_MAX_AGE = 14;

/**
 * The birth date written in an 18-character ID number (digits 7–14,
 * YYYYMMDD), or null when the number fails the GB 11643 check or the date
 * does not exist.
 */
export function birthDateOf(idNumber: string): { year: number; month: number; day: number } | null {
  if (!isValidIdNumber(idNumber)) return null;
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * Whole years of age on `on` (its UTC calendar date) of the person whose ID
 * number this is; null for an invalid number or a birth date after `on`.
 */
export function ageOn(idNumber: string, on: Date): number | null {
  const birth = birthDateOf(idNumber);
  if (!birth) return null;
  const y = on.getUTCFullYear();
  const m = on.getUTCMonth() + 1;
  const d = on.getUTCDate();
  const age = y - birth.year - (m < birth.month || (m === birth.month && d < birth.day) ? 1 : 0);
  return age < 0 ? null : age;
}

/** True when the ID number is valid and its holder is younger than {@link GUARDIAN_CHILD_MAX_AGE} on `on`. */
export function isChildForGuardianRoute(idNumber: string, on: Date): boolean {
  const age = ageOn(idNumber, on);
  return age !== null && age < GUARDIAN_CHILD_MAX_AGE;
}

/** Why a service cannot be done for the principal of a delegation. */
export type DelegationServiceRefusal = 'not-delegable' | 'authorisation-other-service' | 'authorisation-expired';

/**
 * Whether the service `item` may be applied for under a delegation: the
 * catalogue must mark it `delegable: true` (absent counts as not: the
 * platform has not said it may be done for someone else), and an
 * authorisation from the phone must name it and not have expired at `now`.
 * Null: allowed.
 */
export function delegationServiceRefusal(
  item: { code: string; delegable?: boolean | undefined; implements?: string | null | undefined },
  authorisation: { services: readonly string[]; expiresAt: string } | null,
  now: Date,
): DelegationServiceRefusal | null {
  if (item.delegable !== true) return 'not-delegable';
  if (!authorisation) return null;
  if (!(Date.parse(authorisation.expiresAt) > now.getTime())) return 'authorisation-expired';
  const named = authorisation.services.includes(item.code) || (item.implements ? authorisation.services.includes(item.implements) : false);
  return named ? null : 'authorisation-other-service';
}
