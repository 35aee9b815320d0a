import { defineConfig } from 'vitest/config';

/** Unit and integration tests (plain Node). End-to-end browser tests: `npm run test:e2e` (Playwright, playwright.config.ts). */
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    // The recorded-traffic check runs after the e2e tests (vitest.traffic.config.ts).
    exclude: ['node_modules/**', 'dist/**', '.tsbuild/**', 'tests/e2e/**', 'tests/lint-fixtures/**', 'tests/uplink/openapi-traffic.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
