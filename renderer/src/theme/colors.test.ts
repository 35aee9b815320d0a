import { describe, expect, it } from 'vitest';
import { contrastRatio, themeColors } from './colors';

describe('theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });

  it('darkens a light partner colour until white text reaches 4.5:1 (and 7:1 on request)', () => {
    for (const c of ['#ffcc00', '#66ccff', '#00a651', '#e60012', '#ffffff']) {
      expect(contrastRatio(themeColors(c).primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(themeColors(c, 7).primary, '#ffffff')).toBeGreaterThanOrEqual(7);
    }
  });

  it('keeps a dark enough colour and falls back on invalid input', () => {
    expect(themeColors('#003366').primary).toBe('#003366');
    expect(themeColors('red').primary).toBe('#b3261e');
    expect(themeColors(null).primary).toBe('#b3261e');
  });
});
