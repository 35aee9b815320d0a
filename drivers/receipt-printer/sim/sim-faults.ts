/** Scriptable printer conditions of the simulator. */
export interface SimCondition {
  paper: 'ok' | 'near-end' | 'out';
  coverOpen: boolean;
  /** Offline for another reason (e.g. the operator took it offline). */
  offline: boolean;
  cutterError: boolean;
  /** Powered off or cable cut: no replies at all, data is lost. */
  unresponsive: boolean;
}

/** Fault names accepted by `setFault` and `kioskctl printer sim --fault`. */
export const SIM_FAULT_NAMES = ['paper-out', 'paper-out-after:N', 'near-end', 'cover-open', 'cover-close', 'offline', 'cutter-error', 'unresponsive', 'refill'] as const;

/** A healthy printer. */
export function healthy(): SimCondition {
  return { paper: 'ok', coverOpen: false, offline: false, cutterError: false, unresponsive: false };
}

/**
 * Applies a fault name to a condition. `paper-out-after:N` is handled by the
 * simulator (it needs the byte count) and returned as `{ afterBytes: N }`.
 * `refill` (or null) clears every fault. Throws RangeError for an unknown name.
 */
export function applyFault(current: SimCondition, name: string | null): SimCondition | { afterBytes: number } {
  if (name === null || name === 'refill') return healthy();
  const after = /^paper-out-after:(\d+)$/.exec(name);
  if (after) return { afterBytes: Number(after[1]) };
  switch (name) {
    case 'paper-out':
      return { ...current, paper: 'out' };
    case 'near-end':
      return { ...current, paper: 'near-end' };
    case 'cover-open':
      return { ...current, coverOpen: true };
    case 'cover-close':
      return { ...current, coverOpen: false };
    case 'offline':
      return { ...current, offline: true };
    case 'cutter-error':
      return { ...current, cutterError: true };
    case 'unresponsive':
      return { ...current, unresponsive: true };
    default:
      throw new RangeError(`unknown fault "${name}" (known: ${SIM_FAULT_NAMES.join(', ')})`);
  }
}

/** True when the printer stops printing (holds received data). */
export function isStopped(c: SimCondition): boolean {
  return c.paper === 'out' || c.coverOpen || c.offline || c.cutterError || c.unresponsive;
}

/** Reply bytes to `DLE EOT 1..4` for a condition (HARDWARE.md section 2 table). */
export function realtimeReply(c: SimCondition, n: number): number {
  const offline = isStopped(c);
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0) | (offline && !c.cutterError ? 0x20 : 0);
    case 2:
      return 0x12 | (c.coverOpen ? 0x04 : 0) | (c.paper === 'out' ? 0x20 : 0) | (c.cutterError ? 0x40 : 0);
    case 3:
      return 0x12 | (c.cutterError ? 0x08 : 0);
    default:
      return 0x12 | (c.paper === 'near-end' ? 0x0c : 0) | (c.paper === 'out' ? 0x60 : 0);
  }
}

/** The 4-byte automatic status back block for a condition. */
export function asbBlock(c: SimCondition): Uint8Array {
  return Uint8Array.of(
    0x10 | (isStopped(c) ? 0x08 : 0) | (c.coverOpen ? 0x20 : 0),
    c.cutterError ? 0x08 : 0,
    (c.paper === 'near-end' ? 0x03 : 0) | (c.paper === 'out' ? 0x0c : 0),
    0,
  );
}

/** Reply byte to `GS r 1` (paper sensor): `03` near end, `0C` paper end. */
export function paperSensorReply(c: SimCondition): number {
  return c.paper === 'out' ? 0x0c : c.paper === 'near-end' ? 0x03 : 0;
}

/** True when `name` is accepted by `setFault` (see {@link SIM_FAULT_NAMES}). */
export function isKnownFault(name: string): boolean {
  try {
    applyFault(healthy(), name);
    return true;
  } catch {
    return false;
  }
}
