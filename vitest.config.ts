import { defineConfig } from 'vitest/config';

/** Unit and integration tests (plain Node). End-to-end browser tests run via `npm run test:e2e`. */
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**', 'tests/lint-fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
