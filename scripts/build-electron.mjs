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
//   main/preload/preload.ts  → dist/electron/preload.cjs  (everything inlined but `electron`: a sandboxed
//                                                         preload cannot require local files or npm packages)
// Usage: node scripts/build-electron.mjs [--quiet] [--outdir DIR]  (DIR default dist/electron, relative to the
// repository root; tests build into a temporary one). Exits 1 when a bundle fails.
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
});

try {
  await Promise.all([
    build(mainProcess('main/electron/main.ts', 'main.cjs')),
    build(mainProcess('main/dev/electron-dev.ts', 'dev.cjs')),
    build(mainProcess('main/core/process/core-child-main.ts', 'core.cjs')),
    build({
      ...common,
      entryPoints: ['main/preload/preload.ts'],
      outfile: join(outdir, 'preload.cjs'),
      external: ['electron'],
    }),
  ]);
  if (!quiet) process.stdout.write(`built ${outdir}/main.cjs, dev.cjs and preload.cjs\n`);
} catch {
  process.exit(1);
}
