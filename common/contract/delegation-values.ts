/**
 * The value lists of 代办 (acting for another person) without zod, so the
 * renderer may import them at run time; `delegation-schemas.ts` builds its
 * enums from them.
 */

/** The agent's relation to the principal: 配偶, 子女 (the agent is the principal's child), 父母, 其他亲属, 其他. */
export const DELEGATION_RELATIONS = ['spouse', 'child', 'parent', 'other-relative', 'other'] as const;
export type DelegationRelation = (typeof DELEGATION_RELATIONS)[number];

/** The relations a guardian of a child under 14 may state (checked against the household register by the platform). */
export const GUARDIAN_RELATIONS = ['parent', 'other-relative'] as const satisfies readonly DelegationRelation[];
