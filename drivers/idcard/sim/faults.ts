import { SW3_FAILURE_CODES, sw3Hex } from '../protocol/sw3';

/** Fault names without SW3 codes. */
export const BASIC_FAULTS = ['no-card', 'slow-card', 'removed-mid-read', 'bad-checksum', 'split-frames', 'noise', 'disconnect', 'mute'] as const;

/**
 * Every fault the simulator accepts: the basic ones plus `sw3-XX` for each
 * failure code (e.g. `sw3-41`). Any of them may end in `-once` to apply to
 * one reply only (e.g. `sw3-41-once` to see the driver's retry succeed).
 */
export const SIM_FAULTS: readonly string[] = [...BASIC_FAULTS, ...SW3_FAILURE_CODES.map((c) => `sw3-${sw3Hex(c).toLowerCase()}`)];

/** A parsed fault. */
export interface SimFault {
  /** Basic fault name, or "sw3" for a status fault. */
  kind: (typeof BASIC_FAULTS)[number] | 'sw3';
  /** The status byte for kind "sw3". */
  sw3: number | null;
  /** Applies once, then clears itself. */
  once: boolean;
  /** The name as given. */
  name: string;
}

/** Parses a fault name. Throws a RangeError listing the valid names when it is unknown. */
export function parseFault(name: string): SimFault {
  const once = name.endsWith('-once');
  const base = once ? name.slice(0, -'-once'.length) : name;
  const lower = base.toLowerCase();
  if (!SIM_FAULTS.includes(lower)) throw new RangeError(`unknown fault "${name}"; known: ${SIM_FAULTS.join(', ')} (each optionally with -once)`);
  if (lower.startsWith('sw3-')) return { kind: 'sw3', sw3: parseInt(lower.slice(4), 16), once, name };
  return { kind: lower as SimFault['kind'], sw3: null, once, name };
}
