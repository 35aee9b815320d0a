/**
 * The roles a caller of the contract can hold. Every service of the contract
 * is declared with the one role that may call its methods and receive its
 * events (`service(role, members)` in `define.ts`).
 *
 * - `citizen`: the person at the kiosk. Every connection holds it from the
 *   moment the host opens it.
 * - `technician`: the field technician's maintenance screens. Granted to one
 *   connection by the host (never by anything the client sends), see
 *   `connections.ts`.
 * - `staff`: staff of a partner site (a smaller role of the same kind: a
 *   platform-signed credential of kind `staff`, checked offline): vouch for
 *   the identified person, reprint for the person present, take the terminal
 *   out of service and back. It holds no technician service.
 *
 * No runtime dependency: the renderer may import this module.
 */
export const ROLES = ['citizen', 'technician', 'staff'] as const;

/** One role. */
export type Role = (typeof ROLES)[number];

/** The role every connection holds from the start. */
export const BASE_ROLE = 'citizen' satisfies Role;

const NAMES: ReadonlySet<string> = new Set(ROLES);

/** True when `value` is one of {@link ROLES} (same rule as `RoleSchema` in `schemas.ts`). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && NAMES.has(value);
}
