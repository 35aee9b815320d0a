import { createRequire } from 'node:module';

/**
 * The part of the `semver` package (npm's own range semantics) the tooling
 * tests use. `semver` is not a declared dependency: this resolves the copy
 * npm hoists to node_modules/semver (6.3.2, required by @babel/core and
 * others), which has these functions with the same meaning since 5.7. No
 * @types package is installed, hence this typed view.
 */
export interface Semver {
  /** True when `version` is in `range` (npm's semantics; prereleases excluded). Throws on an invalid version. */
  satisfies(version: string, range: string): boolean;
  /** True when `a` < `b`. Throws on an invalid version. */
  lt(a: string, b: string): boolean;
  /** The normalized version, or null when `version` is not one. */
  valid(version: string): string | null;
  /** The lowest version in `range`, or null when none is. Throws on an invalid range. */
  minVersion(range: string): { version: string } | null;
}

/** npm's semver, resolved from the repository's node_modules. */
export const semver = createRequire(import.meta.url)('semver') as Semver;
