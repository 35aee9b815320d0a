import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrCreateFile } from './read-or-create-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'create-once-'));
  dirs.push(d);
  return d;
};

describe('readOrCreateFile', () => {
  it('creates the file once with the given mode (parent dir included) and reads it back after', () => {
    const path = join(dir(), 'sub', 'data.key');
    let calls = 0;
    const content = () => {
      calls++;
      return Buffer.from(`key-${calls}`);
    };
    expect(readOrCreateFile(path, content).toString()).toBe('key-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateFile(path, content).toString()).toBe('key-1');
    expect(calls).toBe(1);
    expect(readOrCreateFile(join(dir(), 'device-id'), () => 'id\n', 0o644).toString()).toBe('id\n');
  });

  it('loses a race without harm: another creator\'s file wins and is returned, no temp file is left', () => {
    const d = dir();
    const path = join(d, 'data.key');
    // The other process links its file between our read (absent) and our link.
    const mine = readOrCreateFile(path, () => {
      writeFileSync(path, 'theirs');
      return 'mine';
    });
    expect(mine.toString()).toBe('theirs');
    expect(readdirSync(d)).toEqual(['data.key']);
  });

  it('never replaces an existing file, whatever it holds', () => {
    const path = join(dir(), 'data.key');
    writeFileSync(path, '');
    expect(readOrCreateFile(path, () => 'new').toString()).toBe('');
  });
});
