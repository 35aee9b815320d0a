// `npm run package`: the packaged kiosk for Linux, offline.
//   1. builds the renderer (npm run build:renderer) and the shell bundles (scripts/build-electron.mjs);
//   2. stages the app (scripts/packaging/stage-app.ts): bundles, renderer, the run-time node_modules only;
//   3. electron-builder's `dir` target on the given Electron distribution (`electronDist`), with the
//      afterPack hook (scripts/packaging/after-pack.mjs) flipping and reading back the fuses;
//   4. a .deb of the unpacked app through electron-installer-debian (dpkg-deb + fakeroot).
//
// Usage: npm run package -- [--platform linux|win] [--electron-dist PATH] [--arch x64|arm64] [--out DIR]
//                           [--release-public-key FILE] [--no-renderer-build] [--no-deb] [--deb-compression xz|gzip|none]
//   --electron-dist PATH  (or KIOSK_ELECTRON_DIST=PATH) a real Electron of the locked version for Linux:
//                         the release zip (electron-v<version>-linux-<arch>.zip from
//                         https://github.com/electron/electron/releases or a mirror) or its unpacked directory.
//                         Without one, a stand-in distribution is generated (scripts/packaging/stand-in-electron.mjs):
//                         the package proves the pipeline, carries STAND-IN-ELECTRON.txt, cannot run, and
//                         scripts/release.ts refuses to publish it.
//   --release-public-key FILE  (or KIOSK_RELEASE_PUBLIC_KEY_FILE) the deployment's release key (Ed25519, SPKI PEM)
//                         the updater checks, built into the shell; also written to resources/release-public-key.pem,
//                         where scripts/release.ts reads it. Default the placeholder of
//                         main/electron/update/release-public-key.ts (no update can then be installed).
//   --out DIR             output directory (default release/): linux-unpacked/ (or linux-arm64-unpacked/), the .deb.
//   --platform win        the Windows NSIS installer (x64; on a Windows build machine, which signs it): needs
//                         --electron-dist (electron-v<version>-win32-x64.zip); no stand-in, no .deb.
// Windows NSIS and the arm64 build are configured in electron-builder.yml (docs/operations.md section 14).
// Exit codes: 0 built, 1 a step failed, 2 usage error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, Platform, build } from 'electron-builder';
import { RELEASE_PUBLIC_KEY_PEM } from '../main/electron/update/release-public-key';
import { buildDeb, DEB_ARCH } from './packaging/deb-package';
import { RELEASE_KEY_RESOURCE } from './packaging/package-layout';
import { createStandInElectron, STAND_IN_MARKER } from './packaging/stand-in-electron.mjs';
import { stageApp } from './packaging/stage-app';

const root = fileURLToPath(new URL('..', import.meta.url));

interface PackageArgs {
  platform: 'linux' | 'win';
  out: string;
  electronDist: string | null;
  releasePublicKey: string | null;
  arch: keyof typeof DEB_ARCH;
  buildRenderer: boolean;
  deb: boolean;
  debCompression: 'xz' | 'gzip' | 'none';
}

function usage(message: string): never {
  process.stderr.write(`package: ${message}\nusage: npm run package -- [--platform linux|win] [--electron-dist PATH] [--arch x64|arm64] [--out DIR] [--release-public-key FILE] [--no-renderer-build] [--no-deb] [--deb-compression xz|gzip|none]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): PackageArgs {
  const args: PackageArgs = { platform: 'linux', out: join(root, 'release'), electronDist: process.env.KIOSK_ELECTRON_DIST || null, releasePublicKey: process.env.KIOSK_RELEASE_PUBLIC_KEY_FILE || null, arch: 'x64', buildRenderer: true, deb: true, debCompression: 'xz' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--out') args.out = resolve(value());
    else if (flag === '--platform') {
      const platform = value();
      if (platform !== 'linux' && platform !== 'win') usage(`unknown platform ${platform}`);
      args.platform = platform;
    }
    else if (flag === '--electron-dist') args.electronDist = resolve(value());
    else if (flag === '--release-public-key') args.releasePublicKey = resolve(value());
    else if (flag === '--arch') {
      const arch = value();
      if (arch !== 'x64' && arch !== 'arm64') usage(`unknown arch ${arch}`);
      args.arch = arch;
    } else if (flag === '--no-renderer-build') args.buildRenderer = false;
    else if (flag === '--no-deb') args.deb = false;
    else if (flag === '--deb-compression') {
      const c = value();
      if (c !== 'xz' && c !== 'gzip' && c !== 'none') usage(`unknown compression ${c}`);
      args.debCompression = c;
    } else usage(`unknown option ${flag}`);
  }
  return args;
}

function run(command: string, argv: string[]): void {
  const r = spawnSync(command, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (exit ${r.status})`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.platform === 'win' && (args.electronDist === null || args.arch !== 'x64')) usage('--platform win needs --electron-dist (a real Electron for win32-x64) and --arch x64');
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  if (args.electronDist !== null) {
    if (!existsSync(args.electronDist)) usage(`electron distribution not found: ${args.electronDist}`);
    // The native modules and electron-installer-debian's dependencies follow the locked version: a zip of another one is refused.
    const named = /electron-v(\d+\.\d+\.\d+)-/.exec(basename(args.electronDist))?.[1];
    if (named !== undefined && named !== electronVersion) usage(`${basename(args.electronDist)} is Electron ${named}; the locked version is ${electronVersion}`);
  }
  mkdirSync(args.out, { recursive: true });

  if (args.buildRenderer) run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);
  const bundleDir = join(args.out, '.bundles');
  const keyArgs = args.releasePublicKey === null ? [] : ['--release-public-key', args.releasePublicKey];
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--quiet', '--outdir', bundleDir, ...keyArgs]);
  const appDir = join(args.out, '.app');
  const staged = stageApp({ root, appDir, bundleDir, rendererDir: join(root, 'dist', 'renderer') });
  process.stdout.write(`staged ${appDir}: ${staged.length} run-time packages\n`);

  let electronDist = args.electronDist;
  if (electronDist === null) {
    electronDist = createStandInElectron(join(args.out, `.stand-in-electron-linux-${args.arch}`), { version: electronVersion });
    process.stdout.write(
      `\n*** 未指定 Electron：使用替身发行版，安装包只用于验证流程，不能运行，不得发布（${STAND_IN_MARKER}）。\n` +
        `*** No Electron given: using a stand-in distribution. The package proves the pipeline only, cannot run, and is not publishable (${STAND_IN_MARKER}).\n` +
        `*** Real build: KIOSK_ELECTRON_DIST=/path/electron-v${electronVersion}-linux-${args.arch}.zip npm run package\n\n`,
    );
  }
  const standIn = existsSync(join(electronDist, STAND_IN_MARKER));
  if (args.releasePublicKey === null && !standIn) {
    process.stdout.write('*** 未指定发布公钥（--release-public-key）：内置占位公钥，此安装包永远装不上更新，发布脚本也会拒绝它。\n*** No --release-public-key: the placeholder is built in, so this package can never install an update and the release script refuses it.\n');
  }
  // The key the updater checks, also beside the app in resources/ (where the release script reads it).
  const releaseKeyFile = join(args.out, `.${RELEASE_KEY_RESOURCE}`);
  writeFileSync(releaseKeyFile, args.releasePublicKey === null ? RELEASE_PUBLIC_KEY_PEM : readFileSync(args.releasePublicKey, 'utf8'));

  await build({
    projectDir: root,
    targets: args.platform === 'win' ? Platform.WINDOWS.createTarget('nsis', Arch.x64) : Platform.LINUX.createTarget('dir', Arch[args.arch]),
    config: {
      directories: { app: appDir, output: args.out },
      electronDist,
      electronVersion,
      extraResources: [{ from: releaseKeyFile, to: RELEASE_KEY_RESOURCE }],
      // A stand-in has no Electron headers to rebuild native modules against; a real build rebuilds them for Electron's ABI.
      npmRebuild: !standIn,
    },
  });
  const unpackedDir = join(args.out, args.platform === 'win' ? 'win-unpacked' : args.arch === 'x64' ? 'linux-unpacked' : `linux-${args.arch}-unpacked`);
  process.stdout.write(`unpacked: ${unpackedDir}${standIn ? ' (stand-in Electron)' : ''}\n`);
  if (args.deb && args.platform === 'linux') process.stdout.write(`deb: ${await buildDeb({ unpackedDir, outDir: args.out, arch: args.arch, root, compression: args.debCompression })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`package: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
