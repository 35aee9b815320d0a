import { defineConfig } from 'vitest/config';

/**
 * The check of recorded platform traffic against docs/openapi.yaml, run after
 * the end-to-end tests have written test-results/uplink-traffic/ (the unit
 * run excludes it: it fails when nothing was recorded).
 */
export default defineConfig({
  test: {
    include: ['tests/uplink/openapi-traffic.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
