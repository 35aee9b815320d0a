// Bundles the Electron shell with esbuild:
//   main/electron/main.ts    → dist/electron/main.cjs     (pure-JS packages inlined; native modules and
//                                                         electron-updater stay external, shipped in node_modules)
//   main/preload/preload.ts  → dist/electron/preload.cjs  (everything inlined but `electron`: a sandboxed
//                                                         preload cannot require local files or npm packages)
// Usage: node scripts/build-electron.mjs [--quiet]. Exits 1 when a bundle fails.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');

// Core modules use import.meta.url (ESM); in the CommonJS bundle it becomes the
// bundle's own file URL. dist/electron/ is two levels below the root like
// main/core/, so root-relative lookups ('../../package.json') keep working.
const importMetaBanner = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// Native modules must load from node_modules (rebuilt for Electron's ABI, unpacked from asar).
const mainExternals = ['electron', 'electron-updater', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', '@napi-rs/canvas'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'warning',
};

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/electron/main.ts'],
      outfile: 'dist/electron/main.cjs',
      external: mainExternals,
      banner: { js: importMetaBanner },
      define: { 'import.meta.url': '__importMetaUrl' },
    }),
    build({
      ...common,
      entryPoints: ['main/preload/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      external: ['electron'],
    }),
  ]);
  if (!quiet) process.stdout.write('built dist/electron/main.cjs and dist/electron/preload.cjs\n');
} catch {
  process.exit(1);
}
