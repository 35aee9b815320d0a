import { describe, expect, it } from 'vitest';
import { checkRecordedTraffic, createOpenApiTrafficValidator, readRecordedTraffic } from '../support/openapi-traffic-validator';
import { UPLINK_TRAFFIC_DIR } from '../support/uplink-traffic-recorder';

/**
 * Every exchange the kiosk had with the platform during the end-to-end walks
 * (recorded by the e2e harness into test-results/uplink-traffic/*.jsonl),
 * checked against docs/openapi.yaml. Run after the e2e tests:
 * `npx vitest run -c vitest.traffic.config.ts`. Without a recording it fails:
 * nothing recorded is not nothing wrong.
 */
describe('recorded kiosk ↔ platform traffic matches docs/openapi.yaml', () => {
  it('every recorded request and response', () => {
    const recorded = readRecordedTraffic(UPLINK_TRAFFIC_DIR);
    const problems = checkRecordedTraffic(createOpenApiTrafficValidator(), recorded);
    const operations = [...new Set(recorded.map((r) => `${r.exchange.method} ${r.exchange.path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}')}`))].sort();
    console.log(`uplink traffic: ${recorded.length} exchange(s) in ${new Set(recorded.map((r) => r.file)).size} file(s): ${operations.join(', ')}`);
    expect(problems.map((p) => `${p.exchange} ${p.part}: ${p.message}`)).toEqual([]);
  });
});
