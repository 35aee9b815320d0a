/**
 * Decoders for the printer's status bytes (HARDWARE.md section 2, "Status"):
 * real-time `DLE EOT 1..4` replies, the 4-byte automatic status back (ASB)
 * and the `GS r 1` paper sensor reply. Pure functions over byte values.
 */

/** Paper state in the uniform model. */
export type PaperLevel = 'ok' | 'near-end' | 'out';

/** The uniform printer condition every status source is decoded into. */
export interface PrinterCondition {
  /** False when the printer reports itself offline (paper end, cover open, error, or the offline switch). */
  online: boolean;
  paper: PaperLevel;
  coverOpen: boolean;
  /** `cutter error`, `mechanical error`, `unrecoverable error` or `recoverable error`; null when none. */
  error: string | null;
}

/** True when `b` is a valid `DLE EOT` reply byte: `(b & 0x93) == 0x12`. */
export function isRealtimeReply(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** True when `b` is the first byte of an automatic status back block: `(b & 0x93) == 0x10`. */
export function isAsbHeader(b: number): boolean {
  return (b & 0x93) === 0x10;
}

/** True when `b` can be a `GS r 1` reply (bits 4 and 7 clear). */
export function isPaperSensorReply(b: number): boolean {
  return (b & 0x90) === 0;
}

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

/** `DLE EOT 1` (printer): bit 2 drawer pin, 3 offline, 5 waiting for recovery, 6 feed button. */
export function decodeEot1(b: number) {
  return { drawerPin: bit(b, 2), offline: bit(b, 3), waitingForRecovery: bit(b, 5), feedButton: bit(b, 6) };
}

/** `DLE EOT 2` (offline cause): bit 2 cover open, 3 feeding by button, 5 stopped at paper end, 6 error. */
export function decodeEot2(b: number) {
  return { coverOpen: bit(b, 2), feedingByButton: bit(b, 3), paperEndStop: bit(b, 5), error: bit(b, 6) };
}

/** `DLE EOT 3` (error cause): bit 2 mechanical, 3 autocutter, 5 unrecoverable, 6 auto-recoverable. */
export function decodeEot3(b: number) {
  return { mechanical: bit(b, 2), autocutter: bit(b, 3), unrecoverable: bit(b, 5), autoRecoverable: bit(b, 6) };
}

/** `DLE EOT 4` (paper sensor): bits 2+3 (`0C`) near end, bits 5+6 (`60`) paper end. */
export function decodeEot4(b: number): { nearEnd: boolean; paperEnd: boolean } {
  return { nearEnd: (b & 0x0c) !== 0, paperEnd: (b & 0x60) !== 0 };
}

function errorText(e: { mechanical: boolean; autocutter: boolean; unrecoverable: boolean; autoRecoverable: boolean }): string | null {
  if (e.unrecoverable) return 'unrecoverable error';
  if (e.autocutter) return 'cutter error';
  if (e.mechanical) return 'mechanical error';
  if (e.autoRecoverable) return 'recoverable error';
  return null;
}

function paperLevel(nearEnd: boolean, paperEnd: boolean): PaperLevel {
  return paperEnd ? 'out' : nearEnd ? 'near-end' : 'ok';
}

/**
 * Combines the four `DLE EOT` reply bytes (n = 1, 2, 3, 4 in that order) into
 * the uniform model. Throws RangeError when a byte fails `(b & 0x93) == 0x12`.
 */
export function decodeRealtimeStatus(replies: readonly [number, number, number, number]): PrinterCondition {
  replies.forEach((b, i) => {
    if (!isRealtimeReply(b)) throw new RangeError(`invalid DLE EOT ${i + 1} reply 0x${b.toString(16)}`);
  });
  const [r1, r2, r3, r4] = replies;
  const p = decodeEot4(r4);
  return {
    online: !decodeEot1(r1).offline,
    paper: paperLevel(p.nearEnd, p.paperEnd || decodeEot2(r2).paperEndStop),
    coverOpen: decodeEot2(r2).coverOpen,
    error: errorText(decodeEot3(r3)),
  };
}

/**
 * Decodes a 4-byte automatic status back block. Byte 1: bit 3 offline, bit 5
 * cover open. Byte 2: bit 2 mechanical, 3 cutter, 5 unrecoverable, 6
 * auto-recoverable. Byte 3: `03` near end, `0C` paper end. Throws RangeError
 * when the block is not 4 bytes or the first byte is not an ASB header.
 */
export function decodeAsb(block: ArrayLike<number>): PrinterCondition {
  if (block.length !== 4 || !isAsbHeader(block[0]!)) throw new RangeError('not an automatic status back block');
  const b1 = block[0]!;
  const b2 = block[1]!;
  const b3 = block[2]!;
  return {
    online: !bit(b1, 3),
    paper: paperLevel((b3 & 0x03) !== 0, (b3 & 0x0c) !== 0),
    coverOpen: bit(b1, 5),
    error: errorText({ mechanical: bit(b2, 2), autocutter: bit(b2, 3), unrecoverable: bit(b2, 5), autoRecoverable: bit(b2, 6) }),
  };
}

/** Decodes a `GS r 1` reply: bits 0+1 (`03`) near end, bits 2+3 (`0C`) paper end. */
export function decodePaperSensor(b: number): PaperLevel {
  return paperLevel((b & 0x03) !== 0, (b & 0x0c) !== 0);
}
