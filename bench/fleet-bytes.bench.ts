import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceStatus } from '../common/contract/schemas';
import { cryptoProvider } from '../common/crypto/providers';
import { openKioskStore } from '../offline-cache/index';
import { startPlatformSim } from '../platform-sim/server';
import { issueCode } from '../tests/trust/trust-fixture';
import { createDeviceSigning, createPlatformClient, createPlatformFetch, createUplink, enrolTerminal, lastClockReading, type PlatformExchange } from '../uplink/index';
import { VirtualTimers } from './support/virtual-timers';

// Byte budget of the fleet link (issue 15): the bytes on the TCP socket, TLS records and
// handshakes included, of one idle day of the real client schedule (createUplink: heartbeat
// checks every minute with a full report every 15 min, conditional catalogue checks every
// 10 min, the sync engine's idle probe every 5 min), gzip and connection reuse as shipped,
// against platform-sim over HTTPS on loopback (an RSA-2048 chain like a real platform's).
// The day is run, not multiplied: a virtual clock jumps from one due timer to the next,
// moves platform-sim's clock along (signatures and reply freshness stay checked), and
// closes connections idle longer than undici's keep-alive (4 s) as the real gap would.
// Then one catalogue item's name changes in one language and the next check's bytes are counted.
const DAY_MS = 24 * 3600_000;
const KEEP_ALIVE_MS = 4_000;
const IDLE_DAY_GOAL = 1_000_000;
const DELTA_GOAL = 2_000;

const root = mkdtempSync(join(tmpdir(), 'bench-fleet-bytes-'));
const run = (...args: string[]) => execFileSync('openssl', args, { cwd: root, stdio: 'pipe' });
run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Bench Platform Root CA');
run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
writeFileSync(join(root, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
const ca = readFileSync(join(root, 'ca.pem'));
// The server sends its certificate and the CA's, as a platform behind a real chain does.
const chain = Buffer.concat([readFileSync(join(root, 'server.pem')), ca]);

const sim = await startPlatformSim({ dataDir: join(root, 'platform'), quiet: true, requireSignedRequests: true, tls: { key: readFileSync(join(root, 'server.key')), cert: chain } });
const admin = createPlatformFetch({ ca });
const adminPost = async (path: string, body: unknown) => {
  const r = await admin.fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json() as Promise<Record<string, unknown>>;
};

try {
  const provider = cryptoProvider('default');
  const pair = provider.generateSigningKeyPair();
  const enrolment = await enrolTerminal({ baseUrl: sim.url, code: await issueCode(sim.url, 'site-bench', admin.fetch), provider, publicKey: pair.publicKey, fetch: admin.fetch });
  const credentials = { deviceId: enrolment.deviceId, provider, privateKey: pair.privateKey, platformPublicKey: provider.importPublicKey(Buffer.from(enrolment.platformPublicKey, 'base64')) };

  const timers = new VirtualTimers(Date.now());
  const now = () => timers.nowMs;
  const sockets: Socket[] = [];
  const counted = createPlatformFetch({ ca, onSocket: (s) => void sockets.push(s) });
  const onWire = () => sockets.reduce((n, s) => n + s.bytesRead + s.bytesWritten, 0);
  const store = openKioskStore({ dataDir: join(root, 'kiosk'), deviceId: enrolment.deviceId });
  let inFlight = 0;
  const exchanges: PlatformExchange[] = [];
  const signing = createDeviceSigning(credentials, { now, clockOffsetMs: () => lastClockReading(store.config)?.offsetMs ?? 0 });
  const client = createPlatformClient({
    baseUrl: sim.url,
    deviceId: enrolment.deviceId,
    fetch: counted.fetch,
    now,
    signRequest: (r) => {
      inFlight++;
      return signing.signRequest(r);
    },
    verifyReply: signing.verifyReply,
    onSettled: () => void inFlight--,
    traffic: (x) => {
      exchanges.push(x);
      if (process.env.BENCH_FLEET_TRACE) console.error(new Date(now()).toISOString(), x.method, x.path, x.response?.status ?? null, x.error?.message ?? "");
    },
  });
  const at = new Date(now()).toISOString();
  const devices: DeviceStatus[] = [
    { device: 'idcard', name: 'idcard', state: 'online', simulated: false, error: null, updatedAt: at },
    { device: 'receiptPrinter', name: 'receipt-1', state: 'online', simulated: false, paper: 'ok', coverOpen: false, error: null, updatedAt: at },
    { device: 'scanner', name: 'scanner', state: 'online', simulated: false, error: null, updatedAt: at },
    { device: 'a4Printer', name: 'a4-printer', state: 'online', simulated: false, paper: 'ok', error: null, updatedAt: at },
  ];
  const startedAt = now();
  const uplink = createUplink({
    store,
    client,
    version: '0.1.0',
    devices: () => devices,
    health: () => ({
      uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      versions: { kiosk: '0.1.0', runtime: process.versions.node, catalogue: store.catalogue.version() || null, config: null },
      paper: 'ok',
      diskFreeBytes: 48_318_382_080,
      lastErrorCodes: [],
      inService: true,
      outOfServiceReason: null,
    }),
    timers,
    now,
  });

  const moveClock = async (virtualMs: number) => void (await adminPost('/admin/clock', { offsetMs: Math.round(virtualMs - Date.now()) }));
  let lastActivity = now();
  // Before each timer: the platform clock follows the virtual one; a connection idle longer than the keep-alive is gone.
  const beforeFire = async (t: number) => {
    await moveClock(t);
    if (t - lastActivity > KEEP_ALIVE_MS) for (const s of sockets) if (!s.destroyed) s.destroy();
  };
  const settle = async () => {
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((r) => setTimeout(r, 2));
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
    if (exchanges.length > 0) lastActivity = now();
  };

  await moveClock(now());
  await uplink.start();
  await settle();
  const startBytes = onWire();
  const startRequests = exchanges.length;
  const startSockets = sockets.length;

  await timers.run(timers.nowMs + DAY_MS, beforeFire, settle);
  const dayBytes = onWire() - startBytes;
  const day = exchanges.slice(startRequests);
  const byPath = new Map<string, { n: number; statuses: Set<number> }>();
  for (const x of day) {
    const e = byPath.get(x.path) ?? { n: 0, statuses: new Set<number>() };
    e.n++;
    e.statuses.add(x.response?.status ?? 0);
    byPath.set(x.path, e);
  }
  const failed = day.filter((x) => x.error !== null).length;

  // One item's name changes in one language; the next catalogue check carries the delta.
  await beforeFire(timers.nowMs + 60_000);
  timers.nowMs += 60_000;
  await adminPost('/admin/catalogue/edit', { code: 'GG00001001', locale: 'en', name: 'Social insurance record enquiry' });
  const beforeDelta = onWire();
  const beforeDeltaX = exchanges.length;
  const socketsBeforeDelta = sockets.length;
  if (!(await uplink.refreshCatalogue())) throw new Error('catalogue delta refused');
  await settle();
  const deltaBytes = onWire() - beforeDelta;
  const deltaX = exchanges.slice(beforeDeltaX);
  const enName = (store.catalogue.get('GG00001001') as { i18n?: { en?: { name?: string } } } | null)?.i18n?.en?.name;
  if (enName !== 'Social insurance record enquiry') throw new Error(`delta not applied (en name ${String(enName)})`);
  const deltaBody = deltaX.map((x) => x.response?.headers['content-length']).join('+');
  const deltaCost = async () => {
    // The same delta once more, on a connection already open (the bytes of the exchange alone).
    await adminPost('/admin/catalogue/edit', { code: 'GG00001001', locale: 'en', name: 'Social insurance record enquiry (2)' });
    const b = onWire();
    await uplink.refreshCatalogue();
    await settle();
    return onWire() - b;
  };
  const warmDelta = await deltaCost();
  await uplink.stop();
  store.close();
  await counted.close();

  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average: ${load}`);
  console.log(`start-up (full catalogue, first sync, not part of the idle day): ${startRequests} requests, ${startSockets} connections`);
  console.log(`idle day (24 h virtual, real schedule): ${day.length} requests (${failed} failed) over ${sockets.length - startSockets} TLS connections`);
  for (const [path, e] of [...byPath].sort()) console.log(`  ${path}: ${e.n} (status ${[...e.statuses].join(', ')})`);
  console.log(`idle day bytes on the socket (TLS included): ${dayBytes} B = ${(dayBytes / 1e6).toFixed(3)} MB (goal ≤ 1 MB/day: ${dayBytes <= IDLE_DAY_GOAL ? 'met' : 'NOT met'}); ${(dayBytes / day.length).toFixed(0)} B per request`);
  console.log(`catalogue delta, one item changed in one language, on a new TLS connection (undici resumes the TLS session): ${deltaBytes} B on the socket over ${sockets.length - socketsBeforeDelta} new connection(s); body (Content-Length, gzip when ≥ 512 B) ${deltaBody} B`);
  console.log(`catalogue delta on a kept-alive connection: ${warmDelta} B on the socket (goal ≤ 2 KB: ${warmDelta <= DELTA_GOAL ? 'met' : 'NOT met'}; with the handshake: ${deltaBytes <= DELTA_GOAL ? 'met' : 'NOT met'})`);
  if (failed > 0) throw new Error(`${failed} requests of the idle day failed`);
} finally {
  await sim.close();
  await admin.close();
  rmSync(root, { recursive: true, force: true });
}
