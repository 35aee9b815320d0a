import { create } from 'qrcode/lib/core/qrcode';

/** A QR symbol: `size`×`size` modules, `dark[y][x]`. */
export interface QrMatrix {
  size: number;
  version: number;
  mask: number;
  dark: boolean[][];
}

/** Bytes a level-M symbol holds at most in byte mode (version 40-M). */
export const QR_MAX_BYTES_M = 2331;

/**
 * Encodes `text` (UTF-8) as a level-M QR symbol of the smallest version that
 * holds it, with npm `qrcode`'s encoder (its pure core: no canvas, no Node).
 * The whole text is one byte-mode segment, as payment QR payloads always
 * were here: `qrcode`'s own segmenting would draw another symbol for the same
 * payload. `mask` forces a mask pattern (0–7); by default the one with the
 * lowest penalty is chosen. Throws `RangeError` when the text is longer than
 * {@link QR_MAX_BYTES_M} bytes.
 */
export function encodeQr(text: string, mask?: number): QrMatrix {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > QR_MAX_BYTES_M) throw new RangeError(`QR payload of ${bytes} bytes is over the ${QR_MAX_BYTES_M} of version 40-M`);
  const symbol = create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: mask });
  const { size } = symbol.modules;
  const dark = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => symbol.modules.get(y, x) === 1));
  return { size, version: symbol.version, mask: symbol.maskPattern, dark };
}

/** The dark modules as one SVG path (one unit square each), offset by the quiet zone `margin` (modules, default 4). */
export function qrPath(matrix: QrMatrix, margin = 4): string {
  const parts: string[] = [];
  matrix.dark.forEach((row, y) => {
    row.forEach((d, x) => {
      if (d) parts.push(`M${x + margin} ${y + margin}h1v1h-1z`);
    });
  });
  return parts.join('');
}
