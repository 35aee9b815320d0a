import { createCanvas } from '@napi-rs/canvas';
import { type Bitmap, rgbaToBitmap } from './bitmap';
import { charColumns, COLUMN_DOTS, hasArabicScript } from './layout';

/** Font stack for rasterised lines: Noto CJK covers GB18030 including extension B. */
export const CJK_FONT_FAMILY = '"Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", sans-serif';

/** Font stack for right-to-left lines: Noto Naskh / Sans Arabic shape Uyghur (Debian fonts-noto-core), CJK and Latin after them. */
export const ARABIC_FONT_FAMILY = `"Noto Naskh Arabic", "Noto Sans Arabic", ${CJK_FONT_FAMILY}`;

/** Height in dots of one rasterised text line at size 1 (24-dot font plus leading). */
export const RASTER_LINE_DOTS = 30;

/**
 * Renders one line of text as a 1-bit image `widthDots` wide, placing each
 * character on the printer's column grid (12 dots per ASCII column, 24 per
 * Chinese character) so a rasterised line lines up with printed text.
 * A line with Arabic-script letters (Uyghur) is instead drawn whole, right to
 * left and right-aligned, so Skia shapes the joined letters and orders the
 * numbers inside it (drawn letter by letter, Uyghur would print unjoined and
 * backwards). `scale` multiplies font and height like `GS !` (1..8).
 * Characters past the edge are cut off; never throws for ordinary strings.
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
  const weight = options.bold ? 'bold ' : '';
  if (hasArabicScript(text)) {
    ctx.font = `${weight}${24 * scale}px ${ARABIC_FONT_FAMILY}`;
    ctx.direction = 'rtl';
    ctx.textAlign = 'right';
    ctx.fillText(text.trim(), widthDots, height / 2);
    const shaped = ctx.getImageData(0, 0, widthDots, height);
    return rgbaToBitmap(shaped.data, widthDots, height);
  }
  ctx.font = `${weight}${24 * scale}px ${CJK_FONT_FAMILY}`;
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

