import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { loadConfig } from '../../../main/core/config';
import { startBrowserKiosk, type BrowserKiosk } from '../../../main/dev/browser-kiosk';
import { screen } from '../fixtures/walk';

const rendererDir = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

/** Browser mode as shipped to a demo: supervised core and platform in their own processes, the page in Chromium. */
async function startKiosk(dir: string, config: Parameters<typeof loadConfig>[0], lines: string[]): Promise<BrowserKiosk> {
  return startBrowserKiosk({
    config: loadConfig({ dataDir: join(dir, 'kiosk'), ...config }, {}),
    rendererDir,
    log: (line) => void lines.push(line),
    syncPollIntervalMs: 500,
    probeIntervalMs: 500,
    outOfServiceRetryMs: null,
  });
}

// Its own kiosks (not the worker's shared one): each test kills or misconfigures what it started.
test.describe('a terminal that says when it is out of service (browser mode, real processes)', () => {
  test.describe('the core killed with SIGKILL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-oos-'));
    const lines: string[] = [];
    let kiosk: BrowserKiosk;
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      kiosk = await startKiosk(dir, {}, lines);
      page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      await page.goto(kiosk.host.launchUrl());
      await screen(page, 'attract');
    });
    test.afterAll(async () => {
      await page?.close();
      await kiosk?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('mid-session: 暂停服务 within 2 s, the session is said to be ended, then attract again by itself with nobody identified', async () => {
      await kiosk.core.remote.route('POST', '/sim/idcard/insert', { card: 'resident' });
      await page.locator('[data-screen]:not([data-screen="attract"]):not([data-screen="boot"])').first().waitFor({ timeout: 15_000 });
      const killedAt = Date.now();
      process.kill(kiosk.core.pid()!, 'SIGKILL');
      await page.getByRole('alertdialog').getByText('暂停服务', { exact: true }).waitFor({ timeout: 2000 });
      const shownMs = Date.now() - killedAt;
      expect(shownMs).toBeLessThanOrEqual(2000);
      expect(await page.getByTestId('oos-session-ended').isVisible()).toBe(true);
      expect(await page.getByTestId('oos-staff-assist').isVisible()).toBe(true);
      await kiosk.core.remote.route('POST', '/sim/idcard/remove', {}).catch(() => undefined);
      await screen(page, 'attract', 30_000);
      expect(await page.locator('[data-out-of-service]').count()).toBe(0);
      const fresh = kiosk.core.remote.connections.open('test');
      const session = await kiosk.core.remote.handle('session:current', {}, fresh);
      expect(session.ok && (session.value as { stage: string }).stage).toBe('idle');
      expect(lines.some((l) => l.includes('core exited unexpectedly (signal SIGKILL)'))).toBe(true);
      expect(lines.some((l) => l.includes('core: restarted, back in service'))).toBe(true);
    });
  });

  test.describe('a new terminal with a wrong platform address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-oos-nocat-'));
    const lines: string[] = [];
    let kiosk: BrowserKiosk;
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      kiosk = await startKiosk(dir, { platformUrl: 'http://127.0.0.1:9' }, lines);
      page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      await page.goto(kiosk.host.launchUrl());
    });
    test.afterAll(async () => {
      await page?.close();
      await kiosk?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('does not open for citizens: 暂停服务 with the staff-assist entry, and the console line says why', async () => {
      const dialog = page.locator('[data-out-of-service="no-catalogue"]');
      await dialog.waitFor({ timeout: 15_000 });
      expect(await dialog.getByText('暂停服务', { exact: true }).isVisible()).toBe(true);
      await dialog.getByTestId('oos-staff-assist').click();
      await dialog.getByTestId('oos-staff-done').waitFor({ timeout: 5000 });
      expect(lines.filter((l) => l.includes('out of service: no catalogue, the platform http://127.0.0.1:9 cannot be reached'))).toHaveLength(1);
      // Nothing under the notice can be reached: the search never says "没有找到，请换个说法".
      expect(await page.getByText('没有找到，请换个说法').count()).toBe(0);
    });
  });
});
