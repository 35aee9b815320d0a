import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureCare, type CareFigures } from './measure';
import { launch, openKiosk, RENDERER_DIST, ROOT, serveStatic, VIEWPORTS } from './support';
import { reachIdleCountdown, WALK_PEOPLE, walkAllScreens } from './walk';

const SHOTS = process.env.SCREENSHOTS ? join(ROOT, 'docs/screenshots') : null;
/**
 * Screens that go into docs/screenshots. Each must show nobody's full name or
 * ID number: 'confirm' is taken with the 显示 toggle off ('confirm-revealed'
 * is walked and checked, never captured).
 */
const SHOT_SCREENS = new Set(['attract', 'identify', 'home', 'guide', 'form', 'precheck', 'confirm', 'result-queued', 'printing-failed', 'rating', 'payment', 'payment-unavailable', 'certificate']);

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
  }
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(RENDERER_DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe-core on the whole page: returns the violations as short strings. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Unmasked personal data in the page as it stands: the full name or ID number
 * of any of the walk's people, or any other 18-character ID-number-like run,
 * in the text, attribute values or form field values.
 */
async function unmaskedIdentity(page: Page): Promise<string[]> {
  const dom = await page.evaluate(() =>
    [document.documentElement.outerHTML, document.body.innerText, ...[...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value)].join('\n'),
  );
  const found: string[] = WALK_PEOPLE.flatMap((p) => [p.name, p.idNumber]).filter((s) => dom.includes(s));
  for (const m of dom.matchAll(/(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g)) found.push(m[0]);
  return [...new Set(found)];
}

/** Writes docs/screenshots/`name` (with SCREENSHOTS set) after checking, before and after the capture, that nothing personal is on screen. */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  expect(await unmaskedIdentity(page), `${name}: unmasked identity on a docs screen`).toEqual([]);
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, name) });
  expect(await unmaskedIdentity(page), `${name}: unmasked identity on a docs screen`).toEqual([]);
}

const combos = (['portrait', 'landscape'] as const).flatMap((orientation) => [false, true].map((care) => ({ orientation, care })));

describe.each(combos)('renderer $orientation care=$care', ({ orientation, care }) => {
  it('every screen: 0 axe violations; care-mode figures measured from the DOM', async () => {
    const page = await openKiosk(browser, server.url, orientation, { printStepMs: 250 });
    const violations: Record<string, string[]> = {};
    const figures: Record<string, CareFigures> = {};
    const visited: string[] = [];
    await walkAllScreens(
      page,
      async (label, p) => {
        visited.push(label);
        const v = await axe(p);
        if (v.length > 0) violations[label] = v;
        figures[label] = await measureCare(p);
        if (label === 'confirm') {
          const [person] = WALK_PEOPLE;
          expect(await p.getByTestId('confirm-name').textContent()).toBe(`${person.name.slice(0, 1)}*`);
          expect(await p.getByTestId('confirm-id-number').textContent()).toBe(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);
        }
        // The check below is not vacuous: with the toggle on, it finds the person.
        if (label === 'confirm-revealed') expect(await unmaskedIdentity(p)).toEqual([WALK_PEOPLE[0].name, WALK_PEOPLE[0].idNumber]);
        if (SHOT_SCREENS.has(label)) await docsScreenshot(p, `${label}-${orientation}-${care ? 'care' : 'normal'}.png`);
      },
      care,
    );
    await page.close();
    expect(visited.length).toBeGreaterThanOrEqual(19);
    expect(violations).toEqual({});
    const summary = Object.entries(figures).map(([label, f]) => ({
      label,
      base: f.baseFontPx,
      min: f.minFontPx,
      at30: Math.round(f.mainTextShareAt30 * 100),
      lh: Math.round(f.minLineHeightRatio * 100) / 100,
      target: `${Math.round(f.minTargetPx.width)}x${Math.round(f.minTargetPx.height)}`,
    }));
    console.log(`${orientation} care=${care}\n${summary.map((s) => JSON.stringify(s)).join('\n')}`);
    for (const [label, f] of Object.entries(figures)) {
      expect(f.smallTargets, `${label}: touch targets ≥ 60×60`).toEqual([]);
      expect(f.smallTexts, `${label}: all text ≥ 18 px`).toEqual([]);
      expect(f.minLineHeightRatio, `${label}: line-height ≥ 1.3`).toBeGreaterThanOrEqual(1.3 - 0.005);
      if (care) {
        expect(f.baseFontPx, `${label}: main text ≥ 30 px`).toBeGreaterThanOrEqual(30);
        expect(f.mainTextBelow30, `${label}: main text ≥ 30 px (secondary labels and badges may be smaller, ≥ 18 px)`).toEqual([]);
      }
    }
  });
});

describe('renderer behaviour in the browser', () => {
  it('idle: countdown appears, "continue" hides it, then expiry ends the session as idle and returns to attract', async () => {
    const page = await openKiosk(browser, server.url, 'portrait', { system: { idleTimeoutSeconds: 1, countdownSeconds: 6 } });
    await reachIdleCountdown(page);
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('idle-continue').click();
    await expect.poll(() => page.getByTestId('idle-countdown').count()).toBe(0);
    await page.getByTestId('idle-countdown').waitFor({ timeout: 5000 });
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 12_000 });
    const calls = await page.evaluate(() => (window as unknown as { kiosk: { calls: string[] } }).kiosk.calls);
    expect(calls).toContain('session.end');
    await page.close();
  });

  it('Uyghur switches to right-to-left with a mirrored layout and passes axe', async () => {
    const page = await openKiosk(browser, server.url, 'landscape');
    await page.getByTestId('lang-ug').click();
    await expect.poll(() => page.locator('.kiosk').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.kiosk').getAttribute('lang')).toBe('ug');
    const [startX, voiceX] = await Promise.all([
      page.locator('.site-name').boundingBox().then((b) => b?.x ?? 0),
      page.getByTestId('voice-replay').boundingBox().then((b) => b?.x ?? 0),
    ]);
    expect(startX).toBeGreaterThan(VIEWPORTS.landscape.width / 2);
    expect(voiceX).toBeGreaterThan(VIEWPORTS.landscape.width / 2);
    expect(await axe(page)).toEqual([]);
    await docsScreenshot(page, 'attract-landscape-ug.png');
    await page.close();
  });

  it('nothing personal is written to localStorage, sessionStorage, IndexedDB or the URL', async () => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.evaluate(() => (window as unknown as { kiosk: { placeCard(): void } }).kiosk.placeCard());
    await page.getByTestId('masked-name').waitFor();
    const state = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      url: location.href,
    }));
    expect(state.local).toBe(0);
    expect(state.session).toBe(0);
    expect(state.idb).toBe(0);
    expect(state.url).toBe(server.url);
    await page.close();
  });

  it('staff assist records a request for the current screen and confirms it', async () => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.getByTestId('staff-assist').click();
    await expect.poll(() => page.getByTestId('staff-assist-done').textContent()).toBe('已通知工作人员，请稍候');
    const requests = await page.evaluate(() => (window as unknown as { kiosk: { staffRequests: string[] } }).kiosk.staffRequests);
    expect(requests).toEqual(['attract']);
    await page.close();
  });

  it('the card reader going offline puts the QR route first on identify', async () => {
    const page = await openKiosk(browser, server.url, 'portrait');
    await page.getByTestId('start-button').click();
    await page.evaluate(() => (window as unknown as { kiosk: { setDevice(n: string, p: object): void } }).kiosk.setDevice('idcard', { state: 'offline' }));
    await page.locator('[data-testid="identify-card-option"][data-available="false"]').waitFor();
    await page.locator('.option-prominent').waitFor();
    // A keyboard-wedge scanner types the code and Enter in one burst (the raw text box is gone).
    await page.keyboard.type('EID:test', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('masked-name').textContent()).toBe('李*');
    await page.close();
  });
});
