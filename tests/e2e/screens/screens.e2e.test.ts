import { measureCare, type CareFigures } from '../fixtures/care-measure';
import { docsScreenshot, unmaskedIdentity } from '../fixtures/docs-screenshot';
import { openKiosk } from '../fixtures/test-kiosk-page';
import { expect, test } from '../fixtures/test';
import { WALK_PEOPLE, walkAllScreens } from '../fixtures/walk-all-screens';

/**
 * Screens that go into docs/screenshots. Each must show nobody's full name or
 * ID number: 'confirm' is taken with the 显示 toggle off ('confirm-revealed'
 * is walked and checked, never captured).
 */
const SHOT_SCREENS = new Set(['attract', 'identify', 'home', 'guide', 'form', 'precheck', 'confirm', 'result-queued', 'printing-failed', 'rating', 'payment', 'payment-unavailable', 'certificate']);

/**
 * Every screen of the renderer (with a TestKioskApi, no core), in the
 * orientation and care mode of the project: the four screens-* projects of
 * playwright.config.ts run it portrait/landscape × normal/care.
 */
test('every screen: 0 axe violations; care-mode figures measured from the DOM', async ({ browser, rendererServer, orientation, careMode: care, axe }) => {
  test.setTimeout(480_000);
  const page = await openKiosk(browser, rendererServer.url, orientation, { printStepMs: 250 });
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
