import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogueIndex, REGION_KEY } from '../../main/core/services/catalogue-service';
import { regionalCatalogue } from '../../common/domain/regional-catalogue';
import { openKioskStore, readOrCreateDeviceId } from '../../offline-cache/index';
import { createPlatformClient, refreshCatalogue } from '../../uplink/index';
import { startFixture, type SimFixture } from '../platform-sim/sim-fixture';
import { tempDir } from '../core/support/temp-dir';
import { catalogueCommand } from '../../main/cli/commands/catalogue';
import { runKioskctl as runInProcess } from '../../main/cli/kioskctl';
import { runKioskctl as spawnRun } from './support/kioskctl-process';

/** Runs kioskctl in this process (the spawned binary is exercised by the JSON and exit-6 cases). */
async function runKioskctl(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runInProcess(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stopSignal: new Promise(() => {}) }, [catalogueCommand]);
  return { code, stdout, stderr };
}

/** `kioskctl catalogue search` as a technician runs it, against a real platform-sim. */
const cleanups: Array<() => unknown> = [];
let fixture: SimFixture;
let cachedDir: string;

function scratch(): string {
  const t = tempDir('kioskctl-catalogue-');
  cleanups.push(t.cleanup);
  return t.dir;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  fixture = await startFixture();
  cachedDir = scratch();
  const store = openKioskStore({ dataDir: cachedDir, deviceId: readOrCreateDeviceId(cachedDir) });
  try {
    await refreshCatalogue(store, createPlatformClient({ baseUrl: fixture.sim.url, deviceId: store.deviceId }));
  } finally {
    store.close();
  }
}, 60_000);

afterAll(async () => {
  await fixture.dispose();
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('kioskctl catalogue search', () => {
  it('--json prints exactly [{"code","name","department"}] ranked as the kiosk ranks the cached catalogue', async () => {
    const store = openKioskStore({ dataDir: cachedDir, deviceId: readOrCreateDeviceId(cachedDir) });
    // A kiosk without a region lists the basic list (no district entries).
    const index = buildCatalogueIndex(regionalCatalogue(store.catalogue.all(), null).items);
    store.close();
    for (const q of ['sbcx', '社保', 'sbk', '生孩子']) {
      const run = await (q === 'sbcx' ? spawnRun : runKioskctl)(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '5', '--json', q]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const printed = JSON.parse(run.stdout) as Record<string, string>[];
      for (const row of printed) expect(Object.keys(row)).toEqual(['code', 'name', 'department']);
      expect(printed).toEqual(index.search({ query: q, limit: 5 }).items.map((i) => ({ code: i.code, name: i.name, department: i.department })));
      if (q === 'sbcx') expect(printed[0]).toEqual({ code: 'GG00001001', name: '社保查询', department: '人社局' });
    }
  }, 180_000);

  it('lists what the kiosk lists for its region: the district the kiosk started with, or --region; other districts never', async () => {
    const search = async (extra: string[]) => {
      const run = await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '20', '--json', ...extra, '商标注册']);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { name: string }[]).map((r) => r.name);
    };
    const districts = /（(城东区|城西区|南湖区|北山县|西岭县)）/;
    expect((await search([])).filter((n) => districts.test(n))).toEqual([]);
    const store = openKioskStore({ dataDir: cachedDir, deviceId: readOrCreateDeviceId(cachedDir) });
    store.config.set(REGION_KEY, '410102');
    store.close();
    try {
      const east = (await search([])).filter((n) => districts.test(n));
      expect(east.length).toBeGreaterThan(0);
      expect(east.every((n) => n.includes('（城东区）'))).toBe(true);
      const west = (await search(['--region', '410103'])).filter((n) => districts.test(n));
      expect(west.length).toBeGreaterThan(0);
      expect(west.every((n) => n.includes('（城西区）'))).toBe(true);
      const bad = await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--region', '4101', '社保']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('six-digit');
    } finally {
      const reset = openKioskStore({ dataDir: cachedDir, deviceId: readOrCreateDeviceId(cachedDir) });
      reset.config.set(REGION_KEY, null);
      reset.close();
    }
  }, 120_000);

  it('ranks items started more often at this terminal first among equal matches (the local counts in kiosk.db)', async () => {
    const before = JSON.parse((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '3', '--json', '社保卡'])).stdout) as { code: string }[];
    const last = before[2]!.code;
    const store = openKioskStore({ dataDir: cachedDir, deviceId: readOrCreateDeviceId(cachedDir) });
    store.config.set('catalogue.usage', { [last]: 40 });
    store.close();
    const after = JSON.parse((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '3', '--json', '社保卡'])).stdout) as { code: string }[];
    expect(after[0]!.code).toBe(last);
    // Popularity never lifts a weaker kind of match: 社保查询 stays first for sbcx however often 社保卡 items were used.
    const sbcx = JSON.parse((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '1', '--json', 'sbcx'])).stdout) as { code: string }[];
    expect(sbcx[0]!.code).toBe('GG00001001');
  }, 60_000);

  it('without --json prints a table with a header; nothing found is exit 0', async () => {
    const run = await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '2', 'sbcx']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+#\s+code\s+name\s+department$/);
    expect(lines[1]).toMatch(/^\s+1\s+GG00001001\s+社保查询\s+人社局$/);
    expect(lines).toHaveLength(3);
    const none = await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--json', 'zzzzzzzz']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('[]\n');
  }, 60_000);

  it('fetches from the platform when nothing is cached, writing nothing to DIR', async () => {
    const dir = scratch();
    const run = await runKioskctl(['catalogue', 'search', '--data-dir', dir, '--platform', fixture.sim.url, '--limit', '1', '--json', 'sbk']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ code: 'GG00002001', name: '社会保障卡申领', department: '人社局' }]);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('exits 6 when no catalogue is cached and the platform is unreachable (closed port) or not given', async () => {
    const dir = scratch();
    const port = await closedPort();
    const down = await spawnRun(['catalogue', 'search', '--data-dir', dir, '--platform', `http://127.0.0.1:${port}`, '--json', 'sbcx']);
    expect(down.code).toBe(6);
    expect(down.stdout).toBe('');
    expect(down.stderr).toContain('platform is unreachable');
    expect(existsSync(join(dir, 'kiosk.db'))).toBe(false);
    const none = await runKioskctl(['catalogue', 'search', '--data-dir', dir, '--json', 'sbcx']);
    expect(none.code).toBe(6);
  }, 180_000);

  it('refuses bad arguments with exit 2', async () => {
    expect((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir])).code).toBe(2);
    expect((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '0', 'x'])).code).toBe(2);
    expect((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--limit', '101', 'x'])).code).toBe(2);
    expect((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, '--platform', 'ftp://x', 'x'])).code).toBe(2);
    expect((await runKioskctl(['catalogue', 'search', '--data-dir', cachedDir, 'x'.repeat(101)])).code).toBe(2);
    expect((await runKioskctl(['catalogue', 'list', '--data-dir', cachedDir])).code).toBe(2);
  }, 60_000);
});
