import semverPackage from 'semver';

/**
 * npm's own range semantics (`semver`, a declared devDependency pinned to
 * 7.8.6), re-exported so the tooling tests share one import.
 */
export const semver = semverPackage;
