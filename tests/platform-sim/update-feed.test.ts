import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSim, type PlatformSim } from '../../platform-sim/server';
import { createOpenApiTrafficValidator } from '../support/openapi-traffic-validator';
import type { PlatformExchange } from '../../uplink/index';

/**
 * platform-sim's update feed (`GET /updates/{channel}/{file}`) over real
 * HTTP: served from the configured directory with content types by kind,
 * JSON 404s for anything missing or unsafe, and every answer as
 * docs/openapi.yaml describes it (electron-updater fetches the feed, not the
 * kiosk's platform client, so it is not in the recorded uplink traffic:
 * checked here instead).
 */
let sim: PlatformSim;
const root = mkdtempSync(join(tmpdir(), 'kiosk-update-feed-'));
const updatesDir = join(root, 'elsewhere');
const validator = createOpenApiTrafficValidator();

beforeAll(async () => {
  mkdirSync(join(updatesDir, 'latest'), { recursive: true });
  writeFileSync(join(updatesDir, 'latest', 'latest-linux.yml'), 'version: 1.2.0\n');
  writeFileSync(join(updatesDir, 'latest', 'latest.yml'), 'version: 1.2.0\n');
  writeFileSync(join(updatesDir, 'latest', 'gov-kiosk_1.2.0_amd64.deb'), Buffer.alloc(1000, 1));
  writeFileSync(join(updatesDir, 'latest', 'GovKiosk-Setup-1.2.0.exe'), Buffer.alloc(500, 2));
  writeFileSync(join(updatesDir, 'latest', 'GovKiosk-Setup-1.2.0.exe.blockmap'), Buffer.alloc(10, 3));
  writeFileSync(join(updatesDir, 'latest', '.hidden'), 'x');
  writeFileSync(join(root, 'secret.yml'), 'secret');
  sim = await startPlatformSim({ dataDir: join(root, 'platform'), updatesDir, quiet: true });
});
afterAll(async () => {
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

/** GETs `path` and checks the exchange against docs/openapi.yaml (only the answer when the request is deliberately outside the documented names). */
async function get(path: string, outsideContract = false): Promise<{ status: number; type: string | null; cache: string | null; size: number; body: Buffer }> {
  const res = await fetch(`${sim.url}${path}`);
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const isJson = (headers['content-type'] ?? '').startsWith('application/json');
  const exchange: PlatformExchange = {
    at: new Date().toISOString(),
    method: 'GET',
    path,
    query: {},
    request: { headers: {} },
    response: { status: res.status, headers, size: body.length, ...(isJson ? { body: JSON.parse(body.toString()) as unknown } : {}) },
    error: null,
    durationMs: 0,
  };
  expect(validator.check(exchange).filter((p) => !(outsideContract && p.part !== 'response')), path).toEqual([]);
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), size: body.length, body };
}

describe('update feed', () => {
  it('serves the channel files and artifacts from the configured directory, each with its content type', async () => {
    const linux = await get('/updates/latest/latest-linux.yml');
    expect(linux).toMatchObject({ status: 200, type: 'text/yaml; charset=utf-8', cache: 'no-cache' });
    expect(linux.body.toString()).toBe('version: 1.2.0\n');
    expect(await get('/updates/latest/latest.yml')).toMatchObject({ status: 200, type: 'text/yaml; charset=utf-8' });
    expect(await get('/updates/latest/gov-kiosk_1.2.0_amd64.deb')).toMatchObject({ status: 200, type: 'application/vnd.debian.binary-package', size: 1000, cache: null });
    expect(await get('/updates/latest/GovKiosk-Setup-1.2.0.exe')).toMatchObject({ status: 200, type: 'application/vnd.microsoft.portable-executable', size: 500 });
    expect(await get('/updates/latest/GovKiosk-Setup-1.2.0.exe.blockmap')).toMatchObject({ status: 200, type: 'application/octet-stream', size: 10 });
  });

  it('answers a JSON 404 for a missing channel or file, hidden files, and anything reaching outside the directory', async () => {
    for (const path of ['/updates/beta/latest-linux.yml', '/updates/latest/nope.deb']) expect((await get(path)).status, path).toBe(404);
    for (const path of ['/updates/latest/.hidden', '/updates/latest/..%2Fsecret.yml', '/updates/..%2F..%2Fsecret.yml/x', '/updates/Latest/latest.yml', '/updates/latest-linux.yml']) {
      const r = await get(path, true);
      expect(r.status, path).toBe(404);
      expect(JSON.parse(r.body.toString()), path).toMatchObject({ error: 'not-found' });
    }
  });

  it('the CLI takes --updates-dir', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'platform-sim/cli.ts', '--port', '0', '--data-dir', join(root, 'cli-data'), '--updates-dir', updatesDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const url = /listening on (\S+)$/.exec(first)![1];
      const res = await fetch(`${url}/updates/latest/latest-linux.yml`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('version: 1.2.0\n');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
