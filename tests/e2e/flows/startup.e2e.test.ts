import type { Result } from '../../../common/contract/errors';
import { expect, test, type KioskHarness } from '../fixtures/test';
import { screen } from '../fixtures/walk';

/** The channels the core is asked, in order, from now on; `slowInfoMs.value` > 0 makes `system:info` answer that many ms late (a slow core). The kiosk fixture unwraps it after the test. */
function recordCalls(h: KioskHarness): { order: string[]; slowInfoMs: { value: number } } {
  const order: string[] = [];
  const slowInfoMs = { value: 0 };
  const dispatcher = h.core.dispatcher;
  const handle = dispatcher.handle.bind(dispatcher);
  dispatcher.handle = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
    order.push(channel);
    if (channel === 'system:info' && slowInfoMs.value > 0) await new Promise((r) => setTimeout(r, slowInfoMs.value));
    return handle(channel, payload);
  };
  return { order, slowInfoMs };
}

/**
 * Page start-up (issue 6, cold start): the tiny entry sends the four start-up
 * calls before the app's chunk has loaded, the first screen React draws is
 * the attract screen when the answers are in, and a chunk that cannot be
 * loaded leaves a notice instead of a blank screen.
 */
test.describe('renderer start-up in Chromium', () => {
  test('asks each start-up question once per page load, then says rendererReady', async ({ kiosk: h }) => {
    await screen(h.page, 'attract');
    const { order } = recordCalls(h);
    await h.page.reload();
    await screen(h.page, 'attract');
    await expect.poll(() => order.includes('system:rendererReady')).toBe(true);
    const boot = ['system:info', 'devices:list', 'connectivity:status', 'session:current'];
    expect([...order.slice(0, 4)].sort()).toEqual([...boot].sort());
    expect(order.indexOf('system:rendererReady')).toBe(4);
    for (const channel of boot) expect(order.filter((c) => c === channel)).toHaveLength(1);
  });

  test('draws attract first when the answers come quickly, and the boot screen first when the core is slow', async ({ kiosk: h }) => {
    await screen(h.page, 'attract');
    const { slowInfoMs } = recordCalls(h);
    const seen = async (): Promise<string[]> => {
      await h.page.addInitScript(() => {
        const w = window as unknown as { __screens: string[] };
        w.__screens = [];
        const frame = () => {
          const name = document.querySelector('[data-screen]')?.getAttribute('data-screen');
          if (name && w.__screens.at(-1) !== name) w.__screens.push(name);
          if (name !== 'attract') requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await h.page.reload();
      await screen(h.page, 'attract');
      return h.page.evaluate(() => (window as unknown as { __screens: string[] }).__screens);
    };
    expect(await seen()).toEqual(['attract']);
    slowInfoMs.value = 1500;
    try {
      expect(await seen()).toEqual(['boot', 'attract']);
    } finally {
      slowInfoMs.value = 0;
    }
  });

  test('loads the app chunk through a modulepreload link and ships no zod to the page', async ({ kiosk: h }) => {
    await screen(h.page, 'attract');
    const scripts = await h.page.evaluate(() => ({
      preload: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href') ?? ''),
      entry: document.querySelector('script[type="module"]')?.getAttribute('src') ?? '',
    }));
    expect(scripts.preload.some((href) => /\/mount-[\w-]+\.js$/.test(href))).toBe(true);
    const bodies = await Promise.all([scripts.entry, ...scripts.preload].map(async (src) => (await fetch(new URL(src, h.host.url))).text()));
    // zod's error messages are unmistakable; a bundled zod carries them.
    for (const body of bodies) expect(body).not.toContain('Invalid input: expected');
  });

  test('shows a notice in both languages when the app chunk cannot be loaded', async ({ kioskServer, page }) => {
    await page.route(/\/assets\/mount-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(kioskServer.host.launchUrl());
    const notice = page.locator('#load-failed');
    await notice.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await notice.getAttribute('role')).toBe('alert');
    await expect.poll(() => notice.textContent()).toMatch(/终端程序加载失败.*failed to load/);
    expect(await page.locator('[data-screen]').count()).toBe(0);
  });
});
