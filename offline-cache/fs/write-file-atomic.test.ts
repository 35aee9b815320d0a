import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'atomic-'));
  dirs.push(d);
  return d;
};

describe('writeFileAtomic', () => {
  it('replaces the file with the exact mode and leaves no temp file behind', () => {
    const d = dir();
    const path = join(d, 'sub', 'state.json');
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, 'two', 0o644);
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(readdirSync(join(d, 'sub'))).toEqual(['state.json']);
  });

  it('keeps the old file and removes its temp file when the rename fails', () => {
    const d = dir();
    const path = join(d, 'state.json');
    writeFileSync(join(d, 'blocker'), 'x');
    // A directory in the way: rename(2) of a file over a non-empty directory fails.
    const blocked = join(d, 'blocked');
    writeFileAtomic(join(blocked, 'inner'), 'in');
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readdirSync(d).sort()).toEqual(['blocked', 'blocker']);
    writeFileAtomic(path, 'ok');
    expect(readFileSync(path, 'utf8')).toBe('ok');
  });
});
