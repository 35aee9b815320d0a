import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { runtimeClosure, type InstalledPackage } from './runtime-closure';
import { SHELL_RUNTIME_PACKAGES } from './shell-externals.mjs';

/** What {@link stageApp} puts together. */
export interface StageInput {
  /** The repository root (its package.json and node_modules). */
  root: string;
  /** The staged app directory (electron-builder's `directories.app`); emptied first. */
  appDir: string;
  /** The built shell bundles (scripts/build-electron.mjs `--outdir`). */
  bundleDir: string;
  /** The built renderer (dist/renderer, `npm run build:renderer`). */
  rendererDir: string;
}

/** node-gyp's intermediate files in a native module's build/Release (a rebuild makes them again). */
const BUILD_INTERMEDIATES = ['obj', 'obj.target', '.deps'];

/** The bundles a packaged shell loads (dev.cjs, the development tools, is never staged; source maps stay behind). */
export const PACKAGED_BUNDLES = ['main.cjs', 'core.cjs', 'preload.cjs'] as const;

interface RootPackageJson {
  name: string;
  version: string;
  description: string;
  main: string;
}

/**
 * Stages the app electron-builder packs (its two-package.json layout): a
 * package.json naming only the shell's run-time packages, the shell bundles
 * under dist/electron, the renderer under dist/renderer, and node_modules
 * holding exactly the run-time closure of those packages (copied where Node
 * resolves them from). Returns the staged packages. Throws when a bundle or
 * the renderer is missing.
 */
export function stageApp(input: StageInput): InstalledPackage[] {
  const rootPackage = JSON.parse(readFileSync(join(input.root, 'package.json'), 'utf8')) as RootPackageJson;
  if (!existsSync(join(input.rendererDir, 'index.html'))) throw new Error(`no renderer build in ${input.rendererDir} (npm run build:renderer)`);
  rmSync(input.appDir, { recursive: true, force: true });
  mkdirSync(join(input.appDir, 'dist', 'electron'), { recursive: true });
  for (const bundle of PACKAGED_BUNDLES) cpSync(join(input.bundleDir, bundle), join(input.appDir, 'dist', 'electron', bundle));
  cpSync(input.rendererDir, join(input.appDir, 'dist', 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  const closure = runtimeClosure(input.root, SHELL_RUNTIME_PACKAGES);
  for (const pkg of closure) {
    const nested = join(pkg.dir, 'node_modules');
    cpSync(pkg.dir, join(input.appDir, 'node_modules', pkg.placement), {
      recursive: true,
      // A package's own node_modules holds other closure members (copied as themselves) or nothing the app needs.
      filter: (src) => src !== nested && !src.startsWith(nested + sep) && !BUILD_INTERMEDIATES.some((d) => src.includes(`${sep}build${sep}Release${sep}${d}`)),
    });
  }
  const byName = new Map(closure.filter((p) => !p.placement.includes('/node_modules/')).map((p) => [p.name, p.version]));
  const dependencies = Object.fromEntries(SHELL_RUNTIME_PACKAGES.map((name) => [name, byName.get(name) ?? '*']));
  const appPackage = {
    name: rootPackage.name,
    productName: 'GovKiosk',
    version: rootPackage.version,
    description: rootPackage.description,
    main: rootPackage.main,
    author: { name: 'Kiosk Operations', email: 'ops@example.invalid' },
    license: 'UNLICENSED',
    dependencies,
  };
  writeFileSync(join(input.appDir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
  return closure;
}
