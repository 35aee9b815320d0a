import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrafficHook } from '../../uplink/index';

/** Where test harnesses record the kiosk's platform traffic (under test-results/, which lint and git ignore). */
export const UPLINK_TRAFFIC_DIR = fileURLToPath(new URL('../../test-results/uplink-traffic/', import.meta.url));

/**
 * A `traffic` hook for `createKioskCore(config, { uplinkTraffic })` that
 * appends every exchange as one JSON line to a file of its own in `dir`
 * (`<label>-<pid>-<time>-<random>.jsonl`, created on the first exchange), so
 * parallel harnesses never share a file. tests/uplink/openapi-traffic.test.ts
 * checks the files against docs/openapi.yaml. Synchronous appends: a test
 * that ends right after a call still leaves its line behind.
 */
export function recordUplinkTraffic(label: string, dir = UPLINK_TRAFFIC_DIR): TrafficHook {
  const file = join(dir, `${label.replace(/[^a-z0-9-]/gi, '_')}-${process.pid}-${Date.now()}-${randomBytes(3).toString('hex')}.jsonl`);
  let ready = false;
  return (exchange) => {
    if (!ready) {
      mkdirSync(dir, { recursive: true });
      ready = true;
    }
    appendFileSync(file, `${JSON.stringify(exchange)}\n`);
  };
}
