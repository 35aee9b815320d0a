import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cryptoProvider } from '../common/crypto/providers';
import { createPlatformClient, type HeartbeatBody } from '../uplink/client/platform-client';
import { createRequestSigner } from '../uplink/client/request-signer';
import { enrolFresh } from '../tests/trust/trust-fixture';
import { startPlatformProcess } from '../tests/sync/support/platform-process';
import { median, percentile } from './support/stats';

// Cost of signed requests, per crypto provider, against platform-sim in its
// own process on loopback: (1) the kiosk's signing hook alone per request,
// (2) a whole heartbeat round trip signed (kiosk signs, platform verifies and
// signs its reply, kiosk verifies it) next to the same heartbeat unsigned, in
// the same run, interleaved so drift hits both alike.
const N = Number(process.env.BENCH_SIGNING_N ?? 400);
const root = mkdtempSync(join(tmpdir(), 'bench-signing-'));
const platform = await startPlatformProcess(join(root, 'platform'));
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
try {
  for (const name of ['default', 'sm'] as const) {
    const provider = cryptoProvider(name);
    const t = await enrolFresh(platform.url, provider);
    const body = (): HeartbeatBody => ({ deviceId: t.credentials.deviceId, version: '0.1.0', sentAt: new Date().toISOString(), queue: { pending: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 }, devices: [], alerts: [], audit: { head: { id: 0, hash: '0'.repeat(64) }, proof: null } });
    const signer = createRequestSigner(t.credentials);
    const signedClient = t.client();
    const unsignedClient = createPlatformClient({ baseUrl: platform.url, deviceId: t.credentials.deviceId });
    const signOnly: number[] = [];
    const signed: number[] = [];
    const unsigned: number[] = [];
    for (let i = 0; i < 20; i++) {
      await signedClient.heartbeat(body());
      await unsignedClient.heartbeat(body());
    }
    for (let i = 0; i < N; i++) {
      const req = new Request(`${platform.url}/api/v1/heartbeats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body()) });
      let s = performance.now();
      await signer(req);
      signOnly.push(performance.now() - s);
      s = performance.now();
      await signedClient.heartbeat(body());
      signed.push(performance.now() - s);
      s = performance.now();
      await unsignedClient.heartbeat(body());
      unsigned.push(performance.now() - s);
    }
    const label = `${name} (${provider.signatureAlgorithm}/${provider.digestAlgorithm})`;
    console.log(`${label} signing hook per request: median ${fmt(median(signOnly))}, p95 ${fmt(percentile(signOnly, 95))} (goal: none)`);
    console.log(`${label} unsigned heartbeat round trip: median ${fmt(median(unsigned))}, p95 ${fmt(percentile(unsigned, 95))}`);
    console.log(`${label} signed heartbeat round trip (sign, verify, signed reply, verify): median ${fmt(median(signed))}, p95 ${fmt(percentile(signed, 95))}`);
    console.log(
      `${label} ratio to unsigned request: signing hook ${(median(signOnly) / median(unsigned)).toFixed(3)}× (median), ${(percentile(signOnly, 95) / percentile(unsigned, 95)).toFixed(3)}× (p95); ` +
        `signed round trip ${(median(signed) / median(unsigned)).toFixed(2)}× (median), ${(percentile(signed, 95) / percentile(unsigned, 95)).toFixed(2)}× (p95) (goal: none)`,
    );
  }
} finally {
  await platform.kill();
  rmSync(root, { recursive: true, force: true });
}
