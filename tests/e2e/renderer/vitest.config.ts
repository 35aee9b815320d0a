import { defineConfig } from 'vitest/config';

/**
 * Browser checks of the renderer alone (no core): serves `dist/renderer`
 * with an in-memory TestKioskApi as `window.kiosk`, in the Debian Chromium.
 * Run: `npx vitest run --config tests/e2e/renderer/vitest.config.ts`
 * (builds the renderer first when `dist/renderer` is missing). Set
 * `SCREENSHOTS=1` to (re)write docs/screenshots/.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
