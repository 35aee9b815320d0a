import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoProvider } from '../../common/crypto/providers';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { PlatformUnreachableError } from '../../uplink/client/platform-errors';
import { createPlatformFetch } from '../../uplink/client/platform-fetch';
import { enrolFresh } from './trust-fixture';

/** A throw-away CA and a 127.0.0.1 server certificate it signed, made with the openssl CLI. */
function makeTestCa(dir: string): { ca: Buffer; key: Buffer; cert: Buffer; otherCa: Buffer } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Kiosk Test CA');
  run('req', '-x509', ...ec, '-keyout', 'other.key', '-out', 'other.pem', '-days', '1', '-subj', '/CN=Other CA');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'ext.cnf');
  const read = (f: string) => readFileSync(join(dir, f));
  return { ca: read('ca.pem'), key: read('server.key'), cert: read('server.pem'), otherCa: read('other.pem') };
}

describe('uplink over HTTPS with a test CA (real TLS to platform-sim)', () => {
  let dir: string;
  let sim: PlatformSim;
  let pki: ReturnType<typeof makeTestCa>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'https-uplink-'));
    pki = makeTestCa(dir);
    sim = await startPlatformSim({ dataDir: join(dir, 'platform'), quiet: true, requireSignedRequests: true, tls: { key: pki.key, cert: pki.cert } });
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrols and makes signed, verified calls when the CA bundle is configured', async () => {
    expect(sim.url.startsWith('https://127.0.0.1:')).toBe(true);
    const tls = createPlatformFetch({ ca: pki.ca });
    try {
      const t = await enrolFresh(sim.url, cryptoProvider('default'), tls.fetch);
      const client = t.client({ fetch: tls.fetch });
      expect((await client.catalogue(null)).body).toBeTruthy();
    } finally {
      await tls.close();
    }
  });

  it('refuses the platform when its certificate does not chain to the configured bundle', async () => {
    const trusted = createPlatformFetch({ ca: pki.ca });
    const tls = createPlatformFetch({ ca: pki.otherCa });
    try {
      const t = await enrolFresh(sim.url, cryptoProvider('default'), trusted.fetch);
      await expect(t.client({ fetch: tls.fetch }).time()).rejects.toThrow(PlatformUnreachableError);
      await expect(t.client().time()).rejects.toThrow(PlatformUnreachableError);
    } finally {
      await Promise.all([tls.close(), trusted.close()]);
    }
  });
});
