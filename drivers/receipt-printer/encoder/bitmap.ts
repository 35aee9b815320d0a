/** A 1-bit image packed like ESC/POS raster data: MSB = leftmost dot, 1 = black. */
export interface Bitmap {
  /** Width in dots, a multiple of 8. */
  width: number;
  /** Height in dots (rows). */
  height: number;
  /** `height * width / 8` bytes, row after row. */
  data: Uint8Array;
}

/**
 * Converts RGBA pixels (as from canvas `getImageData`) to a {@link Bitmap}:
 * a dot is black when its luminance over white is below `threshold` (0..255, default 128).
 */
export function rgbaToBitmap(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, threshold = 128): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const a = rgba[i + 3]! / 255;
      const lum = (0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!) * a + 255 * (1 - a);
      if (lum < threshold) data[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: bytesPerRow * 8, height, data };
}

/** Number of black dots in a bitmap (used by tests and the simulator's summary). */
export function countBlack(bitmap: Bitmap): number {
  let n = 0;
  for (const b of bitmap.data) {
    let v = b;
    while (v) {
      n += v & 1;
      v >>= 1;
    }
  }
  return n;
}
