import type { Page } from 'playwright-core';

/** DOM measurements of one screen for the care-mode (适老化) requirements. */
export interface CareFigures {
  /** Font size of the kiosk root, px. */
  baseFontPx: number;
  /** Smallest font size of any visible text, px. */
  minFontPx: number;
  /** Share of visible text characters inside `main` at ≥ 30 px (0…1). */
  mainTextShareAt30: number;
  /** Main text (not a secondary label, badge or meta line) in `main` below 30 px, described. */
  mainTextBelow30: string[];
  /** Smallest line-height / font-size ratio of any visible text. */
  minLineHeightRatio: number;
  /** Smallest width and height of any visible touch target, px. */
  minTargetPx: { width: number; height: number };
  /** Targets below 60×60, described, for failure messages. */
  smallTargets: string[];
  /** Texts below 18 px, described. */
  smallTexts: string[];
}

/** Measures font sizes, line heights and touch-target sizes of what is visible now. */
export function measureCare(page: Page): Promise<CareFigures> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && r.right > 0 && r.left < innerWidth;
    };
    const root = document.querySelector('.kiosk') as HTMLElement;
    const baseFontPx = parseFloat(getComputedStyle(root).fontSize);
    let minFontPx = Infinity;
    let minLineHeightRatio = Infinity;
    let mainChars = 0;
    let mainCharsAt30 = 0;
    const smallTexts: string[] = [];
    const mainTextBelow30: string[] = [];
    const SECONDARY = '.badge, .service-meta, .material-note, .chip-count, dt, .hours';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || !visible(el) || el.closest('.visually-hidden, .skip-link, option, [hidden]')) continue;
      const cs = getComputedStyle(el);
      const fs = parseFloat(cs.fontSize);
      const lh = cs.lineHeight === 'normal' ? fs * 1.2 : parseFloat(cs.lineHeight);
      minFontPx = Math.min(minFontPx, fs);
      minLineHeightRatio = Math.min(minLineHeightRatio, lh / fs);
      if (fs < 18) smallTexts.push(`${fs}px "${text.slice(0, 20)}"`);
      if (el.closest('main')) {
        mainChars += text.length;
        if (fs >= 30) mainCharsAt30 += text.length;
        else if (!el.closest(SECONDARY)) mainTextBelow30.push(`${fs}px "${text.slice(0, 20)}"`);
      }
    }
    const smallTargets: string[] = [];
    let minW = Infinity;
    let minH = Infinity;
    for (const el of root.querySelectorAll('button, a[href], input, select, textarea, summary, [role="radio"]')) {
      if (!visible(el) || el.closest('.skip-link')) continue;
      const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      minW = Math.min(minW, r.width);
      minH = Math.min(minH, r.height);
      if (r.width < 60 || r.height < 60) smallTargets.push(`${target.tagName.toLowerCase()}[${target.getAttribute('data-testid') ?? target.textContent?.trim().slice(0, 16)}] ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return {
      baseFontPx,
      minFontPx,
      mainTextShareAt30: mainChars === 0 ? 1 : mainCharsAt30 / mainChars,
      mainTextBelow30,
      minLineHeightRatio,
      minTargetPx: { width: minW, height: minH },
      smallTargets,
      smallTexts,
    };
  });
}
