import { isChildForGuardianRoute } from '../../common/domain/delegation-rules';
import { isValidIdNumber } from '../../common/domain/id-number';
import { fnv1a } from '../queries/query-records';

/** Outcome of a simulated household-register check of a guardian and a child. */
export type GuardianCheck = { ok: true; childName: string } | { ok: false; reason: 'id-rejected' | 'child-over-14' | 'guardian-check-failed' };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['子涵', '浩然', '雨桐', '梓轩', '欣怡', '一诺', '沐宸', '可馨'];

/**
 * platform-sim's household register (户籍), deterministic: a child is in the
 * household of a guardian whose ID number names the same county (the first six
 * digits, GB/T 2260) and who is not the child; the child's name is derived from
 * their ID number. Refusals: `id-rejected` (a number fails GB 11643),
 * `child-over-14` (14 or older at `now`), `guardian-check-failed` (not in the
 * guardian's household).
 */
export function checkGuardian(guardianIdNumber: string, childIdNumber: string, now: Date): GuardianCheck {
  if (!isValidIdNumber(guardianIdNumber) || !isValidIdNumber(childIdNumber)) return { ok: false, reason: 'id-rejected' };
  if (!isChildForGuardianRoute(childIdNumber, now)) return { ok: false, reason: 'child-over-14' };
  const child = childIdNumber.toUpperCase();
  if (child === guardianIdNumber.toUpperCase() || child.slice(0, 6) !== guardianIdNumber.slice(0, 6)) return { ok: false, reason: 'guardian-check-failed' };
  const h = fnv1a(child);
  return { ok: true, childName: `${SURNAMES[h % SURNAMES.length]}${GIVEN[(h >>> 8) % GIVEN.length]}` };
}
