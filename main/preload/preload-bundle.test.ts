import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('preload bundle', () => {
  it('bundles into one CommonJS file whose only require is electron (a sandboxed preload cannot load local files)', async () => {
    const result = await build({ absWorkingDir: root, entryPoints: ['main/preload/preload.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    const requires = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...requires]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("kiosk"');
    expect(code).not.toMatch(/exposeInMainWorld\("(?!kiosk")/);
  });
});
