import { createCanvas } from '@napi-rs/canvas';
import { type Bitmap, rgbaToBitmap } from './bitmap';
import { charColumns, COLUMN_DOTS } from './layout';

/** Font stack for rasterised lines: Noto CJK covers GB18030 including extension B. */
export const CJK_FONT_FAMILY = '"Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", sans-serif';

/** Height in dots of one rasterised text line at size 1 (24-dot font plus leading). */
export const RASTER_LINE_DOTS = 30;

/**
 * Renders one line of text as a 1-bit image `widthDots` wide, placing each
 * character on the printer's column grid (12 dots per ASCII column, 24 per
 * Chinese character) so a rasterised line lines up with printed text.
 * `scale` multiplies font and height like `GS !` (1..8). Characters past the
 * right edge are cut off; never throws for ordinary strings.
 */
export function rasterizeText(text: string, widthDots: number, options: { bold?: boolean; scale?: number } = {}): Bitmap {
  const scale = options.scale ?? 1;
  const height = RASTER_LINE_DOTS * scale;
  const canvas = createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  ctx.font = `${options.bold ? 'bold ' : ''}${24 * scale}px ${CJK_FONT_FAMILY}`;
  let x = 0;
  for (const ch of text) {
    const w = charColumns(ch) * COLUMN_DOTS * scale;
    if (ch !== ' ') ctx.fillText(ch, x, height / 2);
    x += w;
    if (x >= widthDots) break;
  }
  const image = ctx.getImageData(0, 0, widthDots, height);
  return rgbaToBitmap(image.data, widthDots, height);
}

