import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

/** Lints a fixture as if it lived at `asPath` (repo-relative); returns the layer-rule messages. */
async function layerErrors(fixture: string, asPath: string): Promise<string[]> {
  const code = readFileSync(join(root, 'tests/lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return result!.messages.filter((m) => m.ruleId === 'layers/dependencies').map((m) => m.message);
}

describe('layers/dependencies: renderer/', () => {
  it.each([
    ['imports-electron.ts', 'electron'],
    ['requires-electron.ts', 'electron'],
    ['imports-node-fs.ts', 'node:fs'],
    ['imports-bare-builtin.ts', 'path'],
    ['imports-drivers.ts', 'drivers/idcard/reader'],
    ['imports-main-type-only.ts', 'main/core/create-kiosk-core'],
    ['reexports-main.ts', 'main/core/config'],
    ['imports-platform-sim.ts', 'platform-sim/server'],
  ])('%s fails, naming what renderer/ may import', async (fixture, got) => {
    const errors = await layerErrors(fixture, 'renderer/src/fixture.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/ may import only common/ and renderer/');
    expect(errors[0]).toContain(`(got ${got})`);
  });

  it('reports dynamic imports and import() types too', async () => {
    const errors = await layerErrors('imports-main-dynamic.ts', 'renderer/src/fixture.ts');
    expect(errors).toEqual([
      'renderer/ may import only common/ and renderer/ (got main/web/web-host)',
      'renderer/ may import only common/ and renderer/ (got main/web/web-host)',
    ]);
  });

  it('says "no Node builtins" for node:fs', async () => {
    expect(await layerErrors('imports-node-fs.ts', 'renderer/src/fixture.ts')).toEqual(['renderer/ may import only common/ and renderer/, no Node builtins (got node:fs)']);
  });

  it('passes a clean file that imports common/, itself and react', async () => {
    expect(await layerErrors('clean-renderer.tsx', 'renderer/src/fixture.tsx')).toEqual([]);
  });
});

describe('layers/dependencies: drivers/ and offline-cache/', () => {
  it('drivers/ importing electron fails', async () => {
    const errors = await layerErrors('imports-electron.ts', 'drivers/idcard/fixture.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^drivers\/ may import only common\/ and drivers\/ and the packages .*serialport.* \(got electron\)/);
  });

  it('drivers/ importing offline-cache/ fails', async () => {
    expect(await layerErrors('imports-offline-cache.ts', 'drivers/idcard/fixture.ts')).toEqual(['drivers/ may import only common/ and drivers/ (got offline-cache/index)']);
  });

  it('offline-cache/ importing drivers/ fails, even type-only', async () => {
    expect(await layerErrors('imports-drivers-from-offline-cache.ts', 'offline-cache/fixture.ts')).toEqual(['offline-cache/ may import only common/, common/crypto/ and offline-cache/ (got drivers/base/byte-port)']);
  });

  it('an unclassified npm package fails until it is added to the allow-list', async () => {
    const errors = await layerErrors('imports-unclassified-package.ts', 'drivers/idcard/fixture.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('(got left-pad); a new dependency must be classified in eslint.config.js');
  });

  it('drivers/ may use Node builtins', async () => {
    expect(await layerErrors('imports-node-fs.ts', 'drivers/idcard/fixture.ts')).toEqual([]);
  });
});

describe('layers/dependencies: uplink/', () => {
  const ALLOWED = 'uplink/ may import only common/, common/crypto/, uplink/ and offline-cache/';

  it.each([
    ['imports-drivers.ts', 'drivers/idcard/reader'],
    ['imports-platform-sim.ts', 'platform-sim/server'],
    ['imports-main-type-only.ts', 'main/core/create-kiosk-core'],
    ['imports-renderer.ts', 'renderer/src/app/kiosk-app'],
  ])('%s fails, naming what uplink/ may import', async (fixture, got) => {
    expect(await layerErrors(fixture, 'uplink/sync/fixture.ts')).toEqual([`${ALLOWED} (got ${got})`]);
  });

  it('uplink/ importing electron fails', async () => {
    const errors = await layerErrors('imports-electron.ts', 'uplink/client/fixture.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^uplink\/ may import only common\/, common\/crypto\/, uplink\/ and offline-cache\/ and the packages zod, undici \(got electron\)/);
  });

  it('passes a file that uses common/, offline-cache/ (the outbox it drains), Node and zod', async () => {
    expect(await layerErrors('clean-uplink.ts', 'uplink/sync/fixture.ts')).toEqual([]);
  });

  it('offline-cache/ (storage only), drivers/ and renderer/ may not import uplink/; main/core and main/cli may', async () => {
    expect(await layerErrors('imports-uplink.ts', 'offline-cache/outbox/fixture.ts')).toEqual(['offline-cache/ may import only common/, common/crypto/ and offline-cache/ (got uplink/index)']);
    expect(await layerErrors('imports-uplink.ts', 'drivers/idcard/fixture.ts')).toEqual(['drivers/ may import only common/ and drivers/ (got uplink/index)']);
    expect(await layerErrors('imports-uplink.ts', 'renderer/src/fixture.ts')).toEqual(['renderer/ may import only common/ and renderer/ (got uplink/index)']);
    expect(await layerErrors('imports-uplink.ts', 'main/core/fixture.ts')).toEqual([]);
    expect(await layerErrors('imports-uplink.ts', 'main/cli/fixture.ts')).toEqual([]);
  });
});

describe('layers/dependencies: main/', () => {
  it('main/core importing electron fails; main/electron and main/preload may', async () => {
    expect(await layerErrors('imports-electron.ts', 'main/core/fixture.ts')).toHaveLength(1);
    expect(await layerErrors('imports-electron.ts', 'main/web/fixture.ts')).toHaveLength(1);
    expect(await layerErrors('imports-electron.ts', 'main/electron/fixture.ts')).toEqual([]);
    expect(await layerErrors('imports-electron.ts', 'main/preload/fixture.ts')).toEqual([]);
  });

  it('the sandboxed preload may not use Node builtins', async () => {
    expect(await layerErrors('imports-node-fs.ts', 'main/preload/fixture.ts')).toEqual(['main/preload/ may import only common/ and main/preload/, no Node builtins (got node:fs)']);
  });

  it('nothing of the kiosk imports platform-sim/', async () => {
    for (const at of ['main/core/fixture.ts', 'main/web/fixture.ts', 'drivers/x/fixture.ts']) {
      expect((await layerErrors('imports-platform-sim.ts', at))[0], at).toContain('(got platform-sim/server)');
    }
  });

  it('passes a clean main/electron file', async () => {
    expect(await layerErrors('clean-electron.ts', 'main/electron/fixture.ts')).toEqual([]);
  });

  it('tests/ are lenient', async () => {
    expect(await layerErrors('imports-electron.ts', 'tests/x/fixture.ts')).toEqual([]);
  });
});

describe('layers/dependencies: main/dev (development tooling, never shipped)', () => {
  const hint = 'main/dev/ is development and demo tooling and is never shipped; the Electron shell reaches it only through its development bundle (dist/electron/dev.cjs, loaded by main/electron/dev-shell.ts when !app.isPackaged)';

  it.each(['main/core', 'main/web', 'main/electron', 'main/preload', 'main/cli', 'drivers/idcard', 'offline-cache/outbox', 'renderer/src'])('%s/ importing main/dev fails (import, import(), require), saying why', async (at) => {
    const errors = await layerErrors('imports-main-dev.ts', `${at}/fixture.ts`);
    expect(errors, at).toHaveLength(3);
    for (const e of errors) {
      expect(e).toMatch(/\(got main\/dev\/(sim-controls|embedded-platform|electron-dev)\)/);
      expect(e).toContain(hint);
    }
  });

  it('main/dev itself, and tests, may import it', async () => {
    expect(await layerErrors('imports-main-dev.ts', 'main/dev/fixture.ts')).toEqual([]);
    expect(await layerErrors('imports-main-dev.ts', 'tests/e2e/fixture.ts')).toEqual([]);
  });

  it('main/dev may use main/core, main/web, main/supervisor and drivers, but not electron', async () => {
    expect(await layerErrors('clean-electron.ts', 'main/dev/fixture.ts')).toEqual(['main/dev/ may import only common/, main/dev/, main/core/, main/web/, main/supervisor/ and drivers/ and the packages zod (got electron); a new dependency must be classified in eslint.config.js']);
    expect(await layerErrors('imports-drivers.ts', 'main/dev/fixture.ts')).toEqual([]);
  });

  it('the shell may load the built development bundle by a computed path (what the bundle grep test guards)', async () => {
    expect(await layerErrors('loads-dev-bundle.ts', 'main/electron/fixture.ts')).toEqual([]);
  });

  it('main/supervisor (the shell side of the core process) may not import electron, drivers or main/dev', async () => {
    expect(await layerErrors('clean-electron.ts', 'main/supervisor/fixture.ts')).toHaveLength(1);
    expect(await layerErrors('imports-drivers.ts', 'main/supervisor/fixture.ts')).toHaveLength(1);
  });

  it('a refusal into a layer without a hint keeps the plain message', async () => {
    expect(await layerErrors('imports-drivers.ts', 'main/web/fixture.ts')).toEqual(['main/web/ may import only common/, main/web/ and main/core/ (got drivers/idcard/reader)']);
  });
});

describe('layers/dependencies: test files beside the code', () => {
  it('may use Node builtins and tests/, but a renderer test still cannot import electron or main/', async () => {
    expect(await layerErrors('imports-node-fs.ts', 'renderer/src/fixture.test.ts')).toEqual([]);
    expect(await layerErrors('imports-electron.ts', 'renderer/src/fixture.test.ts')).toHaveLength(1);
    expect(await layerErrors('imports-main-type-only.ts', 'renderer/src/fixture.test.ts')).toHaveLength(1);
  });
});

describe('renderer start-up weight: no zod at run time', () => {
  it('value imports of zod and of contract modules that load zod fail; type imports pass', async () => {
    const code = readFileSync(join(root, 'tests/lint-fixtures/imports-zod-at-run-time.ts'), 'utf8');
    const [result] = await eslint.lintText(code, { filePath: join(root, 'renderer/src/transport/fixture.ts') });
    const restricted = result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
    expect(restricted.map((m) => m.line)).toEqual([1, 2]);
    expect(restricted[0]!.message).toContain('does not load zod');
  });

  it('the same imports are fine outside the renderer', async () => {
    const code = readFileSync(join(root, 'tests/lint-fixtures/imports-zod-at-run-time.ts'), 'utf8');
    const [result] = await eslint.lintText(code, { filePath: join(root, 'main/core/fixture.ts') });
    expect(result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')).toEqual([]);
  });
});
