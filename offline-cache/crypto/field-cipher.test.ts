import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher';
import { FileKeyProvider } from './key-provider';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(Buffer.alloc(32, 1));

  it('round-trips and uses a fresh IV each time', () => {
    const a = cipher.seal('row-1', { name: '张三' });
    const b = cipher.seal('row-1', { name: '张三' });
    expect(a.equals(b)).toBe(false);
    expect(cipher.open('row-1', a)).toEqual({ name: '张三' });
  });

  it('refuses a blob moved to another row, altered, or opened with another key', () => {
    const blob = cipher.seal('row-1', { x: 1 });
    expect(() => cipher.open('row-2', blob)).toThrow();
    const altered = Buffer.from(blob);
    altered[altered.length - 1]! ^= 1;
    expect(() => cipher.open('row-1', altered)).toThrow();
    expect(() => new FieldCipher(Buffer.alloc(32, 2)).open('row-1', blob)).toThrow();
  });
});

describe('FileKeyProvider', () => {
  it('creates a 0600 32-byte key once and returns it again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
    try {
      const p = new FileKeyProvider(dir);
      const k = p.getKey();
      expect(k.length).toBe(32);
      expect(p.mode()).toBe(0o600);
      expect(new FileKeyProvider(dir).getKey().equals(k)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
