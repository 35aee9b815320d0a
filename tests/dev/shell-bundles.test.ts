import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as devEntry from '../../main/dev/electron-dev';
import { DEV_BUNDLE_FILE, loadDevShellTools, type DevShellTools } from '../../main/electron/dev-shell';

// Compile-time: the development bundle's entry offers exactly what the shell expects of it.
const entryMatchesShell: DevShellTools = devEntry;

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Strings that only main/dev code contains: the simulator routes, the
 * platform-sim launcher, the definitions of the dev-bundle entry. Each must
 * be in dev.cjs (so the check means something) and none in main.cjs.
 */
const DEV_MARKERS = ['/sim/idcard/insert', '/sim/printer/printed', '/sim/sync-now', 'platform-sim/cli.ts', 'the embedded platform-sim did not start', 'function startEmbeddedPlatform(', 'function simControlRoutes(', 'function startSimControls(', 'function hasSimulatedDevices('];

/** Strings of the browser-mode launcher and where they are written, which neither bundle carries. */
const LAUNCHER_MARKERS: Array<[string, string]> = [
  ['kiosk ready in', 'main/dev/start-browser.ts'],
  ['--app=', 'main/dev/chromium-kiosk.ts'],
  ['kiosk-chromium-', 'main/dev/kiosk-chromium.ts'],
];

/** Packages main.cjs may require at run time (externals of scripts/build-electron.mjs). */
const EXTERNALS = ['electron', 'electron-updater', 'better-sqlite3', 'serialport', 'node-hid', '@napi-rs/canvas'];

let out: string;
let main: string;
let dev: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'shell-bundles-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--quiet', '--outdir', out], { cwd: root, stdio: 'pipe' });
  main = readFileSync(join(out, 'main.cjs'), 'utf8');
  dev = readFileSync(join(out, DEV_BUNDLE_FILE), 'utf8');
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the packaged shell bundle (main.cjs) carries no development tooling', () => {
  it.each(DEV_MARKERS)('%j is in dev.cjs and not in main.cjs', (marker) => {
    expect(dev).toContain(marker);
    expect(main).not.toContain(marker);
  });

  it.each(LAUNCHER_MARKERS)('the browser launcher string %j is in %s, not in main.cjs', (marker, file) => {
    expect(readFileSync(join(root, file), 'utf8')).toContain(marker);
    expect(main).not.toContain(marker);
  });

  it('requires only Node builtins and the native/runtime externals: no local file, so dev.cjs is reached only by the computed path', () => {
    const required = new Set([...main.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!));
    // node:sqlite is a builtin of Electron's Node (22.5+), not of this Node 20; undici requires it lazily, for a cache store the kiosk never uses.
    const builtins = new Set([...builtinModules.flatMap((b) => [b, `node:${b}`]), 'node:sqlite']);
    const strays = [...required].filter((r) => !builtins.has(r) && !EXTERNALS.some((e) => r === e || r.startsWith(`${e}/`)) && !r.startsWith('@serialport/'));
    expect(strays).toEqual([]);
    expect(required.has('electron')).toBe(true);
  });

  it('names the development bundle only for the loader', () => {
    expect(main.split(`"${DEV_BUNDLE_FILE}"`).length - 1).toBe(1);
  });
});

describe('the development bundle (dev.cjs)', () => {
  it('is what the shell loads when not packaged, and is never loaded when packaged', () => {
    const tools = loadDevShellTools({ isPackaged: false, bundleDir: out });
    expect(tools).not.toBeNull();
    expect(Object.keys(createRequire(import.meta.url)(join(out, DEV_BUNDLE_FILE)) as object).sort()).toEqual(['startEmbeddedPlatform', 'startSimControls']);
    expect(loadDevShellTools({ isPackaged: true, bundleDir: out })).toBeNull();
    expect(loadDevShellTools({ isPackaged: true, bundleDir: join(out, 'missing') })).toBeNull();
    expect(entryMatchesShell.startSimControls).toBeTypeOf('function');
  });

  it('a missing or foreign bundle is a clear error in development', () => {
    expect(() => loadDevShellTools({ isPackaged: false, bundleDir: join(out, 'missing') })).toThrow(/development bundle .*dev\.cjs could not be loaded \(npm run build:electron\)/);
  });
});
