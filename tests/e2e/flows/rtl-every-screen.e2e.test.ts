import { openKiosk } from '../fixtures/test-kiosk-page';
import { expect, test } from '../fixtures/test';
import { drawnBackwards, unisolated } from '../fixtures/page-checks';
import { walkAllScreens } from '../fixtures/walk-all-screens';

/**
 * Every screen of the walk in Uyghur (right to left), in the renderer alone
 * with a TestKioskApi (issue 20: "a test checks the rendered order in every
 * RTL screen"): numbers, codes, masked values and Chinese names are drawn in
 * their own order wherever they appear (screen, bars, dialogs), and each one
 * on the screen sits in an isolating element. Runs once (flows project); the
 * language × mode × orientation matrix is the screens walk's.
 */
test('Uyghur: on every screen, values inside right-to-left text keep their order and are isolated', async ({ browser, rendererServer }) => {
  test.setTimeout(480_000);
  const page = await openKiosk(browser, rendererServer.url, 'portrait', { printStepMs: 250 });
  const problems: Record<string, { backwards: string[]; unisolated: string[] }> = {};
  const visited: string[] = [];
  await walkAllScreens(
    page,
    async (label, p) => {
      visited.push(label);
      expect(await p.locator('.kiosk').getAttribute('dir'), label).toBe('rtl');
      const found = { backwards: await drawnBackwards(p), unisolated: await unisolated(p) };
      if (found.backwards.length + found.unisolated.length > 0) problems[label] = found;
    },
    false,
    'ug',
  );
  await page.close();
  expect(visited.length).toBeGreaterThanOrEqual(19);
  expect(problems).toEqual({});
});
