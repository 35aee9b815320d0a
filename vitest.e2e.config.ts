import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: the real core, web host and platform-sim, driven in Debian Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
