import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockedElectronVersion } from './electron-floor';
import { compareWithAllowList, readAllowList, type AllowEntry } from './electronegativity-allow';
import { scanShell, type ScanResult } from './electronegativity-scan';
import { REPO_ROOT } from './repo-root';

// The field's Electron security scanner over every module of the shipped shell
// (tests/tooling/electronegativity-scan.ts says why not the .cjs bundle as it
// is). Each finding is fixed or explained in build/electronegativity-allow.json.
describe('electronegativity over the shell', () => {
  let scan: ScanResult;
  let entries: AllowEntry[];
  beforeAll(async () => {
    scan = await scanShell(lockedElectronVersion(join(REPO_ROOT, 'package-lock.json')));
    entries = readAllowList(REPO_ROOT);
  }, 180_000);

  it('reads every module of the shell: no parse error, every check ran', () => {
    expect(scan.parseErrors).toEqual([]);
    expect(scan.checksRun).toBe(41);
    expect(scan.filesScanned).toBeGreaterThan(100);
  });

  it('has no finding that is neither fixed nor explained, and no stale allow-list entry', () => {
    expect(compareWithAllowList(scan.findings, entries)).toEqual([]);
  });

  it('every allow-list entry has a reason and points at tests that exist', () => {
    for (const e of entries) {
      expect(e.reason.length, `${e.check} in ${e.source}`).toBeGreaterThan(40);
      expect(e.checkedBy.length, `${e.check} in ${e.source}`).toBeGreaterThan(0);
      for (const test of e.checkedBy) expect(existsSync(join(REPO_ROOT, test)), test).toBe(true);
    }
  });
});

describe('allow-list comparison', () => {
  const entry = (check: string, source: string, count: number): AllowEntry => ({ check, source, count, reason: 'r', checkedBy: [] });
  const finding = (check: string, source: string) => ({ check, source, message: 'm' });

  it('fails on a finding nobody explained, on a count that differs and on an entry that matches nothing', () => {
    const findings = [finding('SANDBOX_JS_CHECK', 'a.ts'), finding('SANDBOX_JS_CHECK', 'a.ts'), finding('AUXCLICK_JS_CHECK', 'b.ts')];
    expect(compareWithAllowList(findings, [entry('SANDBOX_JS_CHECK', 'a.ts', 2), entry('AUXCLICK_JS_CHECK', 'b.ts', 1)])).toEqual([]);
    expect(compareWithAllowList(findings, [entry('SANDBOX_JS_CHECK', 'a.ts', 2)])).toEqual(['not fixed and not explained: 1 × AUXCLICK_JS_CHECK in b.ts']);
    expect(compareWithAllowList(findings, [entry('SANDBOX_JS_CHECK', 'a.ts', 1), entry('AUXCLICK_JS_CHECK', 'b.ts', 1)])).toEqual([
      'SANDBOX_JS_CHECK in a.ts: 2 finding(s), the allow-list explains 1',
    ]);
    expect(compareWithAllowList(findings, [entry('SANDBOX_JS_CHECK', 'a.ts', 2), entry('AUXCLICK_JS_CHECK', 'b.ts', 1), entry('CSP_GLOBAL_CHECK', '(global)', 1)])).toEqual([
      'allow-list entry matches nothing any more: CSP_GLOBAL_CHECK in (global)',
    ]);
  });
});
