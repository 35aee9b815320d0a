/** Relative luminance of an `#rrggbb` colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Darkens `#rrggbb` by a factor 0…1. */
function darken(hex: string, factor: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * (1 - factor));
  return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('')}`;
}

/** Colours derived from a partner's primary colour. */
export interface ThemeColors {
  /** Button and accent background; darkened until white text on it reaches `minContrast`. */
  primary: string;
  /** Text on `primary`. */
  onPrimary: string;
}

/**
 * Makes a partner colour safe to use: whatever the configuration says, white
 * text on the returned primary has at least `minContrast` (default 4.5:1, WCAG
 * AA). Invalid input falls back to the government red.
 */
export function themeColors(primaryColor: string | null | undefined, minContrast = 4.5): ThemeColors {
  let primary = /^#[0-9a-fA-F]{6}$/.test(primaryColor ?? '') ? (primaryColor as string).toLowerCase() : '#b3261e';
  for (let i = 0; i < 40 && contrastRatio(primary, '#ffffff') < minContrast; i++) primary = darken(primary, 0.06);
  return { primary, onPrimary: '#ffffff' };
}
