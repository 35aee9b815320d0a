import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanFinding } from './electronegativity-scan';

/** One reviewed entry of build/electronegativity-allow.json. */
export interface AllowEntry {
  /** Scanner check id. */
  check: string;
  /** Repository-relative source file, or `(global)`. */
  source: string;
  /** Exact number of findings of this check expected in this file. */
  count: number;
  /** Why the finding is not a defect. */
  reason: string;
  /** Test files that check the real values the scanner cannot see. */
  checkedBy: string[];
}

/** Reads the allow-list file (`build/electronegativity-allow.json` under `root`). Throws on a missing or malformed file. */
export function readAllowList(root: string): AllowEntry[] {
  const file = JSON.parse(readFileSync(join(root, 'build/electronegativity-allow.json'), 'utf8')) as { entries: AllowEntry[] };
  return file.entries;
}

/**
 * Compares findings with the allow-list. Returns one line per problem (empty
 * when every finding is explained): a finding whose check and file have no
 * entry, a count that differs from the entry's, an entry that matches nothing.
 */
export function compareWithAllowList(findings: readonly ScanFinding[], entries: readonly AllowEntry[]): string[] {
  const key = (check: string, source: string): string => `${check} in ${source}`;
  const found = new Map<string, number>();
  for (const f of findings) found.set(key(f.check, f.source), (found.get(key(f.check, f.source)) ?? 0) + 1);
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const e of entries) {
    const k = key(e.check, e.source);
    listed.add(k);
    const n = found.get(k) ?? 0;
    if (n === 0) problems.push(`allow-list entry matches nothing any more: ${k}`);
    else if (n !== e.count) problems.push(`${k}: ${n} finding(s), the allow-list explains ${e.count}`);
  }
  for (const [k, n] of found) if (!listed.has(k)) problems.push(`not fixed and not explained: ${n} × ${k}`);
  return problems;
}
