import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** One installed package of the shell's run-time closure. */
export interface InstalledPackage {
  name: string;
  version: string;
  /** Its directory (real path). */
  dir: string;
  /** Its place relative to the root `node_modules` (e.g. `electron-updater/node_modules/semver`), kept in the package so Node resolves the same copy. */
  placement: string;
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readPackageJson = (dir: string): PackageJson => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** The directory Node would load package `name` from when required in `fromDir` (walking up the `node_modules` folders), or null. */
function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Every package `names` need at run time, found from `root` the way Node
 * resolves them (dependencies and installed optional dependencies,
 * recursively), each once. Throws when a dependency is missing or lives
 * outside `root/node_modules`.
 *
 * Written here rather than left to electron-builder's collector, which runs
 * `npm ls --all` over the whole development tree (28 s measured on this
 * project) and, on a worktree whose node_modules is a symlink, reports
 * electron-updater's own dependencies missing (measured: the package then
 * ships electron-updater without builder-util-runtime, js-yaml, fs-extra…).
 * The staged app gets only this closure, so the collector's walk is short.
 */
export function runtimeClosure(root: string, names: readonly string[]): InstalledPackage[] {
  const nodeModules = realpathSync(join(root, 'node_modules'));
  const found = new Map<string, InstalledPackage>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = findPackageDir(name, fromDir);
    if (dir === null) {
      if (optional) return;
      throw new Error(`runtime dependency ${name} (needed from ${fromDir}) is not installed`);
    }
    if (found.has(dir)) return;
    const placement = relative(nodeModules, dir);
    if (placement.startsWith('..')) throw new Error(`runtime dependency ${name} resolves outside ${nodeModules}: ${dir}`);
    const pkg = readPackageJson(dir);
    found.set(dir, { name: pkg.name, version: pkg.version, dir, placement: placement.split(sep).join('/') });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, realpathSync(root), false);
  return [...found.values()].sort((a, b) => a.placement.localeCompare(b.placement));
}
