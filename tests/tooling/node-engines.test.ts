import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './repo-root';
import { semver } from './semver';

// The README's development Node requirement is package.json's engines.node,
// and a fresh `npm ci` on it prints no engine warning: npm warns (EBADENGINE)
// for each installed package whose engines.node the running Node is outside of,
// so every version the requirement starts from must satisfy every locked range.
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** Every locked package's declared engines.node range (path in the lock → range). */
function lockedNodeRanges(): Array<[string, string]> {
  const ranges: Array<[string, string]> = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const engines = entry.engines;
    if (path !== '' && engines && !Array.isArray(engines) && engines.node) ranges.push([path, engines.node]);
  }
  return ranges;
}

/** The lowest version of each `||` alternative of a range: the versions the requirement starts from. */
function startingVersions(range: string): string[] {
  return range.split('||').map((part) => semver.minVersion(part.trim())!.version);
}

/** Locked packages whose engines.node `version` is outside of. */
function warningsOn(version: string): string[] {
  return lockedNodeRanges()
    .filter(([, range]) => !semver.satisfies(version, range))
    .map(([path, range]) => `${path.replace(/^node_modules\//, '')} (${range})`);
}

describe('Node requirement (README, package.json engines, package-lock.json)', () => {
  it('the README states the development requirement exactly as package.json engines.node', () => {
    expect(pkg.engines.node).toBe('^22.20.0 || >=24.12.0');
    expect(readme).toContain(`\`${pkg.engines.node}\``);
  });

  it('a fresh install on each starting version of the requirement prints no engine warning', () => {
    expect(lockedNodeRanges().length).toBeGreaterThan(100);
    for (const version of startingVersions(pkg.engines.node)) expect(warningsOn(version), `Node ${version}`).toEqual([]);
    expect(startingVersions(pkg.engines.node)).toEqual(['22.20.0', '24.12.0']);
  });

  it('the requirement is the lowest that holds: the version before each start warns', () => {
    expect(warningsOn('22.19.0')).toContain('@napi-rs/lzma-linux-x64-gnu (^22.20 || ^24.12 || >=25)');
    expect(warningsOn('24.11.0')).toContain('@napi-rs/lzma-linux-x64-gnu (^22.20 || ^24.12 || >=25)');
  });

  it('the README names what warns on Node 20, where browser mode and the tests still run', () => {
    expect(readme).toContain('Node.js ≥ 20.19');
    const onNode20 = warningsOn('20.19.0').filter((w) => !/^@?[\w.-]+(\/[\w.-]+)?\/node_modules\//.test(w));
    for (const name of ['electron', '@electron/get', '@electron/rebuild', '@electron-internal/extract-zip', 'node-abi', 'cookie']) {
      expect(onNode20.some((w) => w.startsWith(`${name} (`)), name).toBe(true);
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
