import { describe, expect, it } from 'vitest';
import type { Bitmap } from './bitmap';
import { rasterizeText } from './rasterize-text';

/** Leftmost and rightmost columns with ink, or null for a blank bitmap. */
function inkSpan(b: Bitmap): { left: number; right: number } | null {
  const bytesPerRow = b.width / 8;
  let left = Infinity;
  let right = -1;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (b.data[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return right < 0 ? null : { left, right };
}

describe('rasterizeText with Uyghur (Arabic script)', () => {
  it('draws the line right to left, against the right edge', () => {
    const span = inkSpan(rasterizeText('قوبۇل قىلىش نومۇرى', 576))!;
    expect(span.right).toBeGreaterThan(576 - 16);
    expect(span.left).toBeGreaterThan(200);
  });

  it('joins the letters (shaped): a word is narrower than its letters drawn one by one', () => {
    const word = 'سالام';
    const joined = inkSpan(rasterizeText(word, 576))!;
    const isolated = [...word].map((ch) => inkSpan(rasterizeText(ch, 576))!).reduce((w, s) => w + (s.right - s.left + 1), 0);
    expect(joined.right - joined.left + 1).toBeLessThan(isolated);
  });

  it('keeps a number inside Uyghur text in reading order: the digits sit left of the words', () => {
    const words = inkSpan(rasterizeText('نومۇرى', 576))!;
    const withNumber = inkSpan(rasterizeText('نومۇرى 2026', 576))!;
    // The digits come after the words in logical order, so in right-to-left they extend the line to the left; the words stay at the right edge.
    expect(withNumber.right).toBeGreaterThan(576 - 16);
    expect(withNumber.left).toBeLessThan(words.left - 30);
  });
});
