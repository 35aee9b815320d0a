/**
 * ESC/POS command builders (HARDWARE.md section 2). Each returns the exact
 * bytes of one command; none of them has side effects. Out-of-range
 * arguments throw a RangeError rather than emitting a malformed command.
 */

/** Horizontal alignment as used by `ESC a n`. */
export type Align = 'left' | 'center' | 'right';

/** QR error-correction level for `GS ( k` function 169. */
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };
const ECC_CODE: Record<QrEcc, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** `ESC @`: initialise the printer (clears modes, keeps automatic status back). */
export const INIT = Uint8Array.of(0x1b, 0x40);
/** `FS &`: Chinese (2-byte) character mode on. */
export const CHINESE_ON = Uint8Array.of(0x1c, 0x26);
/** `FS .`: Chinese character mode off. */
export const CHINESE_OFF = Uint8Array.of(0x1c, 0x2e);
/** `LF`: print the line buffer and feed one line. */
export const LF = Uint8Array.of(0x0a);
/** `GS r 1`: transmit paper sensor status. Not real-time: the reply proves every byte before it was processed. */
export const PAPER_STATUS_IN_ORDER = Uint8Array.of(0x1d, 0x72, 0x01);

/** Automatic status back bits for `GS a n`: drawer, online/offline, error, paper. */
export const ASB_ALL = 0x0f;

/** `ESC a n`: alignment of the following lines (text, QR and raster images). */
export function align(a: Align): Uint8Array {
  return Uint8Array.of(0x1b, 0x61, ALIGN_CODE[a]);
}

/** `ESC E n`: bold (emphasised) on or off. */
export function bold(on: boolean): Uint8Array {
  return Uint8Array.of(0x1b, 0x45, on ? 1 : 0);
}

/** `GS ! n`: character size, width and height multipliers 1..8 each. */
export function size(width: number, height: number): Uint8Array {
  for (const v of [width, height]) if (!Number.isInteger(v) || v < 1 || v > 8) throw new RangeError('character size must be 1..8');
  return Uint8Array.of(0x1d, 0x21, ((width - 1) << 4) | (height - 1));
}

/** `ESC d n`: print and feed `lines` lines (0..255). */
export function feedLines(lines: number): Uint8Array {
  if (!Number.isInteger(lines) || lines < 0 || lines > 255) throw new RangeError('feed must be 0..255 lines');
  return Uint8Array.of(0x1b, 0x64, lines);
}

/** `GS V 66 n` (feed `n` dots then partial cut) or `GS V 65 n` (full cut). */
export function feedAndCut(partial: boolean, feedDots = 0): Uint8Array {
  if (!Number.isInteger(feedDots) || feedDots < 0 || feedDots > 255) throw new RangeError('cut feed must be 0..255');
  return Uint8Array.of(0x1d, 0x56, partial ? 0x42 : 0x41, feedDots);
}

/**
 * `GS a n`: automatic status back. `bits` defaults to all four (0x0F). Zero
 * is refused: a job must never switch automatic status back off silently.
 */
export function enableAsb(bits: number = ASB_ALL): Uint8Array {
  if (!Number.isInteger(bits) || bits < 1 || bits > 0x0f) throw new RangeError('ASB bits must be 1..15 (never 0)');
  return Uint8Array.of(0x1d, 0x61, bits);
}

/** `DLE EOT n`: real-time status request, n = 1..4. */
export function realtimeStatus(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

function gsK(payload: number[] | Uint8Array): Uint8Array {
  const len = payload.length;
  const out = new Uint8Array(5 + len);
  out.set([0x1d, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff]);
  out.set(payload, 5);
  return out;
}

/**
 * The five `GS ( k` commands that print a model-2 QR code: model, module size
 * (1..16 dots), error correction, store (length = UTF-8 BYTE count + 3), print.
 * Throws RangeError when the payload exceeds 7089 bytes or the size is out of range.
 */
export function qrCode(data: string, options: { moduleSize?: number; ecc?: QrEcc } = {}): Uint8Array {
  const moduleSize = options.moduleSize ?? 6;
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) throw new RangeError('QR module size must be 1..16');
  const bytes = new TextEncoder().encode(data);
  if (bytes.length === 0 || bytes.length > 7089) throw new RangeError('QR payload must be 1..7089 bytes');
  const store = new Uint8Array(3 + bytes.length);
  store.set([0x31, 0x50, 0x30]);
  store.set(bytes, 3);
  return concatBytes([
    gsK([0x31, 0x41, 0x32, 0x00]),
    gsK([0x31, 0x43, moduleSize]),
    gsK([0x31, 0x45, ECC_CODE[options.ecc ?? 'M']]),
    gsK(store),
    gsK([0x31, 0x51, 0x30]),
  ]);
}

/**
 * `GS v 0 0 xL xH yL yH d...`: one raster band. `rows` is packed 1 bit per
 * dot, MSB leftmost, 1 = black, `bytesPerRow` bytes per row.
 */
export function rasterBand(bytesPerRow: number, rows: Uint8Array): Uint8Array {
  const height = rows.length / bytesPerRow;
  if (!Number.isInteger(height) || height < 1 || height > 0xffff || bytesPerRow < 1 || bytesPerRow > 0xffff) throw new RangeError('bad raster band dimensions');
  const out = new Uint8Array(8 + rows.length);
  out.set([0x1d, 0x76, 0x30, 0x00, bytesPerRow & 0xff, bytesPerRow >> 8, height & 0xff, height >> 8]);
  out.set(rows, 8);
  return out;
}

/** Concatenates byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
