import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/core/config';
import { CoreToShellSchema } from '../../main/core/process/core-port-protocol';
import { forkNodeCore } from '../../main/supervisor/core-process';
import { startCore } from '../../main/supervisor/start-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Two levels below the root like dist/electron/, so the bundle's root-relative lookups hold.
const outdir = mkdtempSync(join(root, 'dist', 'core-bundle-test-'));
const dataDir = mkdtempSync(join(tmpdir(), 'core-bundle-data-'));
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The kiosk core exactly as a packaged shell starts it: the esbuild bundle
 * dist/electron/core.cjs, run by plain Node with no TypeScript loader (an
 * Electron utilityProcess is a Node process with the same module loader).
 * The bundle once failed at its first line (a UMD package's dynamic require
 * that esbuild cannot follow), which no test saw because every other test
 * runs the core from source.
 */
describe('the shipped core bundle', () => {
  it('starts from dist/electron/core.cjs without tsx and answers a contract call', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--quiet', '--outdir', relative(root, outdir)], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const child = forkNodeCore(join(outdir, 'core.cjs'), { execArgv: [] });
    try {
      const config = loadConfig({ dataDir, platformUrl: 'http://127.0.0.1:9' }, {});
      await startCore(child, { config }, 60_000);
      const answer = new Promise<unknown>((resolve) =>
        child.onMessage((raw) => {
          const m = CoreToShellSchema.safeParse(raw);
          if (m.success && m.data.t === 'result' && m.data.ref === 1) resolve(m.data.result);
        }),
      );
      child.send({ t: 'call', ref: 1, connectionId: null, channel: 'devices:list', payload: {} });
      const result = (await answer) as { ok: boolean; value: Array<{ device: string }> };
      expect(result.ok).toBe(true);
      expect(result.value.map((d) => d.device)).toContain('idcard');
    } finally {
      child.kill('SIGKILL');
      await child.exited;
    }
  }, 120_000);
});
