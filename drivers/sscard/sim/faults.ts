/**
 * Faults the simulated card can play, for the refusal tests:
 * - `remove-mid-read`: the card leaves the reader (socket closed) when the
 *   first EF06 record is asked for, after EF05 was read;
 * - `malformed-record`: EF06 record 08 comes back with a wrong tag;
 * - `truncated-reply`: the answer to SELECT SSSE is one byte (no status word);
 * - `pin-required`: every READ RECORD answers 6982 (security status not satisfied).
 */
export const SS_SIM_FAULTS = ['remove-mid-read', 'malformed-record', 'truncated-reply', 'pin-required'] as const;

/** One simulator fault. */
export type SsSimFault = (typeof SS_SIM_FAULTS)[number];

/** Parses a fault name; throws an Error naming the known faults otherwise. */
export function parseSsFault(name: string): SsSimFault {
  if ((SS_SIM_FAULTS as readonly string[]).includes(name)) return name as SsSimFault;
  throw new Error(`unknown fault "${name}" (known: ${SS_SIM_FAULTS.join(', ')})`);
}
