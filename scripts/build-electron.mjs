// Bundles the Electron shell with esbuild:
//   main/electron/main.ts    → dist/electron/main.cjs     the packaged shell (pure-JS packages inlined; native
//                                                         modules and electron-updater stay external, shipped in
//                                                         node_modules). Contains nothing of main/dev.
//   main/dev/electron-dev.ts → dist/electron/dev.cjs      the DEVELOPMENT bundle (embedded platform-sim launcher,
//                                                         simulator controls): loaded by main.cjs with a runtime
//                                                         require of a computed path, only when !app.isPackaged;
//                                                         never packaged (electron-builder.yml excludes it).
//   main/core/process/core-child-main.ts → dist/electron/core.cjs  the kiosk core's own process (Electron
//                                                         utilityProcess, main/electron/utility-core-process.ts)
//   main/dev/browser-core-child.ts → dist/electron/dev-core.cjs  the DEVELOPMENT core child of browser mode
//                                                         (core + simulator controls) as one bundle, so it starts
//                                                         as core.cjs does (the crash bench); never packaged.
//   main/preload/preload.ts  → dist/electron/preload.cjs  (everything inlined but `electron`: a sandboxed
//                                                         preload cannot require local files or npm packages)
// Usage: node scripts/build-electron.mjs [--quiet] [--outdir DIR] [--release-public-key FILE]
//   DIR default dist/electron, relative to the repository root; tests build into a temporary one.
//   FILE: the deployment's release key (Ed25519 public key, SPKI PEM) built in for
//   main/electron/update/release-public-key.ts in place of the placeholder (npm run package passes it).
// Exits 1 when a bundle fails, 2 on a usage error (a FILE that is not an Ed25519 public key included).
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHELL_EXTERNALS } from './packaging/shell-externals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt === -1 ? 'dist/electron' : process.argv[outdirAt + 1];
if (!outdir) {
  process.stderr.write('--outdir needs a directory\n');
  process.exit(2);
}

/** The release public key given on the command line, checked to be Ed25519; null: keep the source's. */
function releasePublicKey() {
  const at = process.argv.indexOf('--release-public-key');
  if (at === -1) return null;
  const file = process.argv[at + 1];
  try {
    const pem = readFileSync(file ?? '', 'utf8');
    // createPublicKey also accepts a private key (and derives its public half): a private key must never be built in.
    if (!/^-----BEGIN PUBLIC KEY-----$/m.test(pem) || /PRIVATE KEY/.test(pem)) throw new Error('not a public key (SPKI PEM, BEGIN PUBLIC KEY)');
    if (createPublicKey(pem).asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return pem;
  } catch (e) {
    process.stderr.write(`--release-public-key: ${file ?? '(missing)'}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

/** Builds `pem` in as RELEASE_PUBLIC_KEY_PEM (the one module that defines it is replaced). */
const releaseKeyPlugin = (pem) => ({
  name: 'release-public-key',
  setup(b) {
    b.onLoad({ filter: /main[\\/]electron[\\/]update[\\/]release-public-key\.ts$/ }, () => ({
      contents: `/** The deployment's release key, built in by scripts/build-electron.mjs --release-public-key. */\nexport const RELEASE_PUBLIC_KEY_PEM = ${JSON.stringify(pem)};\n`,
      loader: 'ts',
    }));
  },
});
const releasePem = releasePublicKey();

// Core modules use import.meta.url (ESM); in the CommonJS bundle it becomes the
// bundle's own file URL. dist/electron/ is two levels below the root like
// main/core/ and main/dev/, so root-relative lookups ('../../package.json') keep working.
const importMetaBanner = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// Native modules must load from node_modules (rebuilt for Electron's ABI, unpacked from asar).
const nodeExternals = SHELL_EXTERNALS;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // ESM builds first: a UMD `main` (jsonc-parser's) requires its parts by computed
  // paths esbuild cannot follow, and the bundle failed at load (tests/tooling/core-bundle.test.ts).
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'warning',
};

/** A main-process bundle (the shell, or its development tools). */
const mainProcess = (entry, file) => ({
  ...common,
  entryPoints: [entry],
  outfile: join(outdir, file),
  external: nodeExternals,
  banner: { js: importMetaBanner },
  define: { 'import.meta.url': '__importMetaUrl' },
  plugins: releasePem === null ? [] : [releaseKeyPlugin(releasePem)],
});

try {
  await Promise.all([
    build(mainProcess('main/electron/main.ts', 'main.cjs')),
    build(mainProcess('main/dev/electron-dev.ts', 'dev.cjs')),
    build(mainProcess('main/core/process/core-child-main.ts', 'core.cjs')),
    build(mainProcess('main/dev/browser-core-child.ts', 'dev-core.cjs')),
    build({
      ...common,
      entryPoints: ['main/preload/preload.ts'],
      outfile: join(outdir, 'preload.cjs'),
      external: ['electron'],
    }),
  ]);
  if (!quiet) process.stdout.write(`built ${outdir}/main.cjs, dev.cjs, core.cjs, dev-core.cjs and preload.cjs\n`);
} catch {
  process.exit(1);
}
