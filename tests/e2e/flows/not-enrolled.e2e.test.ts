import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { loadConfig } from '../../../main/core/config';
import { startBrowserKiosk, type BrowserKiosk } from '../../../main/dev/browser-kiosk';
import { measureCare } from '../fixtures/care-measure';
import { openKiosk } from '../fixtures/test-kiosk-page';
import { expect, test } from '../fixtures/test';

const rendererDir = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

test.describe('a terminal the platform does not serve', () => {
  test.describe('not enrolled, the embedded platform requiring signed requests (browser mode, real processes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-not-enrolled-'));
    const lines: string[] = [];
    let kiosk: BrowserKiosk;
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      // autoEnrol false: the platform issues no enrolment code, so the fresh terminal cannot enrol itself.
      kiosk = await startBrowserKiosk({
        config: loadConfig({ dataDir: join(dir, 'kiosk') }, {}),
        rendererDir,
        log: (line) => void lines.push(line),
        syncPollIntervalMs: 500,
        probeIntervalMs: 500,
        outOfServiceRetryMs: null,
        autoEnrol: false,
      });
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      page = await context.newPage();
      page.on('close', () => void context.close().catch(() => undefined));
      await page.goto(kiosk.host.launchUrl());
    });
    test.afterAll(async () => {
      await page?.close();
      await kiosk?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('does not open for citizens: 暂未开通服务 with the staff-assist entry, 0 axe violations, and the service line says why', async ({ axe }) => {
      const dialog = page.locator('[data-out-of-service="not-enrolled"]');
      await dialog.waitFor({ timeout: 30_000 });
      expect(await dialog.getByRole('heading').textContent()).toBe('暂未开通服务');
      expect(await axe(page)).toEqual([]);
      await dialog.getByTestId('oos-staff-assist').click();
      await dialog.getByTestId('oos-staff-done').waitFor({ timeout: 5000 });
      expect(lines.some((l) => l.includes('暂未开通服务') && l.includes('signature-missing') && l.includes('kioskctl enrol'))).toBe(true);
      expect(await page.getByText('没有找到，请换个说法').count()).toBe(0);
    });
  });

  test.describe('the notice itself in every locale and in care mode (renderer with a TestKioskApi)', () => {
    const TITLES = {
      'zh-CN': ['暂未开通服务', '暂停服务'],
      'zh-TW': ['暫未開通服務', '暫停服務'],
      en: ['Not yet in service', 'Out of service'],
      ug: ['مۇلازىمەت تېخى ئېچىلمىدى', 'مۇلازىمەت ۋاقىتلىق توختىدى'],
    } as const;
    for (const [locale, [title, revokedTitle]] of Object.entries(TITLES)) {
      test(`${locale}, care mode: 暂未开通服务 title, body, staff-assist entry ≥ 60 px, text ≥ 30 px, 0 axe violations; revoked: 暂停服务 with its own body`, async ({ browser, rendererServer, axe }) => {
        const page = await openKiosk(browser, rendererServer.url, 'portrait');
        await page.getByTestId('care-mode-toggle').click();
        await page.getByTestId(`lang-${locale}`).click();
        await page.locator(`.kiosk[lang="${locale}"]`).waitFor();
        await page.evaluate(() => (window as unknown as { kiosk: { setServiceState(s: unknown): void } }).kiosk.setServiceState({ inService: false, reason: 'not-enrolled' }));
        const dialog = page.locator('[data-out-of-service="not-enrolled"]');
        await dialog.waitFor();
        expect(await dialog.getByRole('heading').textContent()).toBe(title);
        const body = (await dialog.locator('#oos-body').textContent()) ?? '';
        expect(body.length).toBeGreaterThan(10);
        const staff = await dialog.getByTestId('oos-staff-assist').boundingBox();
        expect(staff!.width).toBeGreaterThanOrEqual(60);
        expect(staff!.height).toBeGreaterThanOrEqual(60);
        const sizes = await dialog.locator('h2, #oos-body').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
        for (const px of sizes) expect(px).toBeGreaterThanOrEqual(30);
        const care = await measureCare(page);
        expect(care.smallTexts).toEqual([]);
        expect(await axe(page)).toEqual([]);
        await page.evaluate(() => (window as unknown as { kiosk: { setServiceState(s: unknown): void } }).kiosk.setServiceState({ inService: false, reason: 'revoked' }));
        const revoked = page.locator('[data-out-of-service="revoked"]');
        await revoked.waitFor();
        expect(await revoked.locator('#oos-body').textContent()).not.toBe(body);
        expect(await revoked.getByRole('heading').textContent()).toBe(revokedTitle);
        await page.close();
      });
    }
  });
});
