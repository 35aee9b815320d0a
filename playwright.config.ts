import { defineConfig } from '@playwright/test';
import type { KioskTestOptions, KioskWorkerOptions } from './tests/e2e/fixtures/test';
import { VIEWPORTS } from './tests/e2e/fixtures/test-kiosk-page';
import { CHROMIUM_ARGS, chromiumPath } from './tests/support/chromium';

const executablePath = chromiumPath();

/**
 * Browser end-to-end tests (`npm run test:e2e`, `npx playwright test`): the
 * real core, web host and platform-sim, or the renderer alone with a
 * TestKioskApi, driven in Debian's Chromium (never a downloaded browser).
 * tests/e2e/screens runs in every orientation × care-mode project; every other
 * test (the flow walks) runs once, in portrait. Traces and screenshots of
 * failed tests go to test-results/playwright/ (git-ignored; the list reporter
 * prints their paths), beside test-results/uplink-traffic/, which it leaves alone.
 */
export default defineConfig<KioskTestOptions, KioskWorkerOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.test.ts',
  outputDir: 'test-results/playwright',
  globalSetup: './tests/e2e/fixtures/global-setup.ts',
  // Ceilings for a 2-core machine shared with other work (a walk with ten axe runs takes ~1 min there at load 12; at load 30 it passed 120 s).
  timeout: 240_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // The CI machine has 2 cores: one worker per core (each runs Chromium, a core and platform-sim).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
    viewport: VIEWPORTS.portrait,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'flows', testIgnore: 'screens/**' },
    ...(['portrait', 'landscape'] as const).flatMap((orientation) =>
      [false, true].map((careMode) => ({
        name: `screens-${orientation}-${careMode ? 'care' : 'normal'}`,
        testMatch: 'screens/**/*.e2e.test.ts',
        use: { viewport: VIEWPORTS[orientation], orientation, careMode },
      })),
    ),
  ],
});
