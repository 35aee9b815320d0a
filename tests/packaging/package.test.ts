import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fuses from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatformSim } from '../../platform-sim/server';
import { checkDownloadedUpdate } from '../../main/electron/update/update-signature';
import { runTerminal, until } from '../updates/update-harness';
import { buildPackage, extractDeb, repackDeb, runScript, type BuiltPackage } from './built-package';

// The updater module imports Electron's `app` (used only by setupUpdater); the Electron binary cannot run here.
vi.mock('electron', async () => (await import('../contract/fake-electron')).electronModule);
import { readAsarFile, readAsarIndex, type AsarFile } from './asar-index';

const { FuseV1Options, getCurrentFuseWire } = fuses;

/** Issue 13's fuses, as '1' (0x31) enabled and '0' (0x30) disabled in the wire. */
const REQUIRED_FUSES: Array<[keyof typeof FuseV1Options, 0x30 | 0x31]> = [
  ['RunAsNode', 0x30],
  ['EnableNodeOptionsEnvironmentVariable', 0x30],
  ['EnableNodeCliInspectArguments', 0x30],
  ['EnableEmbeddedAsarIntegrityValidation', 0x31],
  ['OnlyLoadAppFromAsar', 0x31],
  ['GrantFileProtocolExtraPrivileges', 0x30],
  ['EnableCookieEncryption', 0x31],
];

/** Paths of the repository that a package never carries (sources, tests, the reference platform, tooling). */
const NEVER_SHIPPED_DIRS = ['tests/', 'platform-sim/', 'bench/', 'scripts/', 'tools/', 'docs/', 'main/', 'renderer/', 'drivers/', 'common/', 'offline-cache/', 'uplink/', '.kiosk-data/'];
/** Development packages that must not be in the package's node_modules. */
const DEV_PACKAGES = ['vitest', 'typescript', 'eslint', 'electron-builder', 'electron', 'tsx', 'esbuild', 'fastify', '@playwright/test', 'vite', 'react', '@electron/fuses'];

const releaseKeyPair = generateKeyPairSync('ed25519');
let work: string;
let pkg: BuiltPackage;
let asarPath: string;
let asar: { files: AsarFile[]; contentStart: number };
let debRoot: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kiosk-package-keys-'));
  writeFileSync(join(work, 'release-public.pem'), releaseKeyPair.publicKey.export({ type: 'spki', format: 'pem' }));
  pkg = buildPackage(['--release-public-key', join(work, 'release-public.pem')]);
  asarPath = join(pkg.unpacked, 'resources', 'app.asar');
  asar = readAsarIndex(asarPath);
  debRoot = extractDeb(pkg.deb);
}, 300_000);
afterAll(() => {
  for (const dir of [work, pkg?.out, debRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const paths = (): string[] => asar.files.map((f) => f.path);

describe('fuses read back from the packaged binary', () => {
  it.each(REQUIRED_FUSES)('%s is flipped as required in linux-unpacked/gov-kiosk and in the .deb', async (fuse, state) => {
    for (const binary of [join(pkg.unpacked, 'gov-kiosk'), join(debRoot, 'usr/lib/gov-kiosk/gov-kiosk')]) {
      const wire = await getCurrentFuseWire(binary);
      expect(wire.version).toBe('1');
      expect(wire[FuseV1Options[fuse]]).toBe(state);
    }
  });

  it('were flipped at package time: the stand-in distribution it was built on still has Electron defaults', async () => {
    const source = await getCurrentFuseWire(join(pkg.out, '.stand-in-electron-linux-x64', 'electron'));
    expect(source[FuseV1Options.RunAsNode]).toBe(0x31);
    expect(source[FuseV1Options.OnlyLoadAppFromAsar]).toBe(0x30);
    expect(source[FuseV1Options.EnableCookieEncryption]).toBe(0x30);
  });
});

describe('asar layout of the package', () => {
  it('app.asar holds the shell bundles, the renderer, package.json and the run-time packages with their own dependencies', () => {
    for (const file of ['package.json', 'dist/electron/main.cjs', 'dist/electron/core.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'node_modules/electron-updater/package.json', 'node_modules/builder-util-runtime/package.json', 'node_modules/js-yaml/package.json', 'node_modules/serialport/package.json', 'node_modules/bindings/package.json']) {
      expect(paths(), file).toContain(file);
    }
    const manifest = JSON.parse(readAsarFile(asarPath, asar.files.find((f) => f.path === 'package.json')!, asar.contentStart).toString('utf8')) as { main: string; dependencies: Record<string, string> };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@napi-rs/canvas', 'better-sqlite3', 'electron-updater', 'node-hid', 'serialport', 'smartcard']);
  });

  it('native modules are unpacked beside the archive (every .node file, the Linux x64 builds present on disk)', () => {
    const natives = asar.files.filter((f) => f.path.endsWith('.node'));
    expect(natives.filter((f) => !f.unpacked).map((f) => f.path)).toEqual([]);
    for (const file of ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node', 'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node', 'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node', 'node_modules/smartcard/build/Release/smartcard_napi.node']) {
      expect(natives.map((f) => f.path), file).toContain(file);
      expect(existsSync(join(pkg.unpacked, 'resources', 'app.asar.unpacked', file)), file).toBe(true);
    }
  });

  it('ships no tests, sources, platform-sim, development bundle, source maps or development packages', () => {
    const shipped = paths();
    expect(shipped.filter((p) => NEVER_SHIPPED_DIRS.some((d) => p.startsWith(d)))).toEqual([]);
    expect(shipped.filter((p) => p.endsWith('.map') && p.startsWith('dist/'))).toEqual([]);
    expect(shipped).not.toContain('dist/electron/dev.cjs');
    expect(shipped.filter((p) => DEV_PACKAGES.some((d) => p.startsWith(`node_modules/${d}/`)))).toEqual([]);
    // Native modules' sources stay behind (they are staged only for the rebuild against Electron's ABI).
    expect(shipped.filter((p) => p.startsWith('node_modules/better-sqlite3/deps/') || p.startsWith('node_modules/better-sqlite3/src/'))).toEqual([]);
    const main = readAsarFile(asarPath, asar.files.find((f) => f.path === 'dist/electron/main.cjs')!, asar.contentStart).toString('utf8');
    expect(main).not.toContain('/sim/idcard/insert');
  });

  it('the release key given to the package script is built into the shell and written beside it', () => {
    const pem = readFileSync(join(pkg.unpacked, 'resources', 'release-public-key.pem'), 'utf8');
    expect(pem).toBe(releaseKeyPair.publicKey.export({ type: 'spki', format: 'pem' }));
    const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const main = readAsarFile(asarPath, asar.files.find((f) => f.path === 'dist/electron/main.cjs')!, asar.contentStart).toString('utf8');
    expect(main).toContain(body);
    expect(main).not.toContain('MCowBQYDK2VwAyEAZ75oaGXZnoCqGb86JeObwjlSyjIFKcqjr1KrJkI1ay8=');
  });
});

describe('the package built on a stand-in Electron', () => {
  it('is marked inside the unpacked app and the .deb, and its executable runs nothing', () => {
    expect(readFileSync(join(pkg.unpacked, 'STAND-IN-ELECTRON.txt'), 'utf8')).toMatch(/stand-in Electron/);
    expect(existsSync(join(debRoot, 'usr/lib/gov-kiosk/STAND-IN-ELECTRON.txt'))).toBe(true);
    expect(() => execFileSync(join(pkg.unpacked, 'gov-kiosk'), { stdio: 'pipe' })).toThrow(/stand-in Electron/);
  });
});

describe('the .deb', () => {
  it('names the package, its architecture and the kiosk devices it depends on', () => {
    const fields = execFileSync('dpkg-deb', ['-f', pkg.deb, 'Package', 'Version', 'Architecture', 'Depends'], { encoding: 'utf8' });
    expect(fields).toMatch(/^Package: gov-kiosk$/m);
    expect(fields).toMatch(/^Version: 0\.1\.0$/m);
    expect(fields).toMatch(/^Architecture: amd64$/m);
    for (const dep of ['libusb-1.0-0', 'cups', 'libsecret-1-0', 'libnss3']) expect(fields).toContain(dep);
  });

  it('installs root-owned and writable by root only (the install directory is the Linux integrity boundary)', () => {
    const listing = execFileSync('dpkg-deb', ['-c', pkg.deb], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n');
    expect(listing.length).toBeGreaterThan(100);
    for (const line of listing.filter((l) => !l.startsWith('l'))) {
      const [mode = '', owner = ''] = line.split(/\s+/);
      expect(owner, line).toBe('root/root');
      // Group and others: never write (mode string positions 5 and 8).
      expect(mode[5], line).not.toBe('w');
      expect(mode[8], line).not.toBe('w');
    }
    expect(listing.some((l) => l.endsWith('./usr/lib/gov-kiosk/resources/app.asar'))).toBe(true);
    expect(listing.some((l) => l.includes('./usr/bin/gov-kiosk'))).toBe(true);
  });
});

describe('the release script', () => {
  const releaseKey = (): string => join(work, 'release-private.pem');
  /** A package directory holding `deb` changed as a real-Electron build (no marker), optionally more. */
  const candidate = (name: string, replace?: Record<string, string>): string => {
    const dir = join(work, name);
    mkdirSync(dir);
    repackDeb(pkg.deb, join(dir, 'gov-kiosk_0.1.0_amd64.deb'), { remove: ['usr/lib/gov-kiosk/STAND-IN-ELECTRON.txt'], ...(replace ? { replace } : {}) });
    return dir;
  };
  const release = (packageDir: string, feed: string, key: string | null): ReturnType<typeof runScript> => {
    const env = { ...process.env };
    delete env.KIOSK_RELEASE_KEY_FILE;
    return runScript('scripts/release.ts', ['--package', packageDir, '--feed', feed, ...(key === null ? [] : ['--key', key])], env);
  };
  let realLike: string;

  beforeAll(() => {
    writeFileSync(releaseKey(), releaseKeyPair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    realLike = candidate('real-like');
  }, 120_000);

  it('refuses the package built on the stand-in Electron, even with the right key, and publishes nothing', () => {
    const feed = join(work, 'feed-stand-in');
    const r = release(pkg.out, feed, releaseKey());
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/stand-in Electron \(STAND-IN-ELECTRON\.txt\): not published/);
    expect(r.stderr).toContain('替身');
    expect(existsSync(feed)).toBe(false);
  });

  it('refuses when no release key is given', () => {
    const feed = join(work, 'feed-no-key');
    const r = release(realLike, feed, null);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no release key given/);
    expect(existsSync(feed)).toBe(false);
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = join(work, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const feed = join(work, 'feed-rsa');
    const r = release(realLike, feed, rsa);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/release key is not Ed25519 \(rsa\)/);
    expect(existsSync(feed)).toBe(false);
  });

  it('refuses an Ed25519 key other than the one the package checks (the updater\'s own check says bad-signature)', () => {
    const other = join(work, 'other.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const feed = join(work, 'feed-other');
    const r = release(realLike, feed, other);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/the release key is not the one gov-kiosk_0\.1\.0_amd64\.deb checks \(bad-signature\)/);
    expect(existsSync(feed)).toBe(false);
  });

  it('refuses a package whose release-public-key.pem is not the key built into its shell', () => {
    const swapped = candidate('swapped-key', { 'usr/lib/gov-kiosk/resources/release-public-key.pem': generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    const feed = join(work, 'feed-swapped');
    const r = release(swapped, feed, releaseKey());
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/not the key built into its shell/);
    expect(existsSync(feed)).toBe(false);
  }, 60_000);

  it('publishes a real-Electron package signed with the release key: kioskSignature verifies with the updater\'s check', async () => {
    const feed = join(work, 'feed-ok');
    const r = release(realLike, feed, releaseKey());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const dir of [join(feed, 'latest'), join(feed, 'latest', '0.1.0')]) {
      const yml = readFileSync(join(dir, 'latest-linux.yml'), 'utf8');
      expect(yml).toMatch(/^version: 0\.1\.0$/m);
      expect(yml).toMatch(/^ {2}- url: gov-kiosk_0\.1\.0_amd64\.deb$/m);
      const sha512 = /^ {4}sha512: (\S+)$/m.exec(yml)?.[1];
      const signature = /^ {4}kioskSignature: (\S+)$/m.exec(yml)?.[1];
      const file = join(dir, 'gov-kiosk_0.1.0_amd64.deb');
      const publicKeyPem = releaseKeyPair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(await checkDownloadedUpdate({ file, sha512: sha512 ?? '', signature }, publicKeyPem)).toBeNull();
      expect(await checkDownloadedUpdate({ file, sha512: sha512 ?? '', signature }, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe('bad-signature');
    }
  });

  it('the published feed is taken by the kiosk\'s updater: electron-updater over HTTP from platform-sim, verified with the package\'s key, installed', async () => {
    const sim = await startPlatformSim({ dataDir: join(work, 'platform'), updatesDir: join(work, 'feed-ok'), quiet: true });
    const terminal = runTerminal({ feedUrl: `${sim.url}/updates/latest/`, dir: join(work, 'terminal'), version: '0.0.9', publicKeyPem: readFileSync(join(pkg.unpacked, 'resources', 'release-public-key.pem'), 'utf8') });
    try {
      await until(() => terminal.installed.length > 0 || terminal.refused.length > 0, () => terminal.lines.join(' | '), 60_000);
      expect(terminal.refused).toEqual([]);
      expect(terminal.installed.map((u) => u.version)).toEqual(['0.1.0']);
      expect(readFileSync(terminal.installed[0]!.file).equals(readFileSync(join(realLike, 'gov-kiosk_0.1.0_amd64.deb')))).toBe(true);
    } finally {
      terminal.stop();
      await sim.close();
    }
  }, 90_000);
});
