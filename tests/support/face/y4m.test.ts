import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rgbaToI420, writeY4m, type RgbaFrame } from './y4m';

const dir = mkdtempSync(join(tmpdir(), 'y4m-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 4×2 frame of one colour. */
const solid = (r: number, g: number, b: number): RgbaFrame => ({ width: 4, height: 2, data: new Uint8Array(Array.from({ length: 8 }, () => [r, g, b, 255]).flat()) });

describe('writeY4m', () => {
  it('writes the header and one FRAME of Y, U and V planes per frame', () => {
    const path = join(dir, 'two.y4m');
    writeY4m(path, [solid(255, 255, 255), solid(0, 0, 0)], 10);
    const bytes = readFileSync(path);
    const header = 'YUV4MPEG2 W4 H2 F10:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString()).toBe(header);
    expect(bytes.length).toBe(header.length + 2 * ('FRAME\n'.length + 8 + 2 + 2));
  });

  it('converts with BT.601 video range (Y 16–235, Cb/Cr 16–240)', () => {
    expect([...rgbaToI420(solid(255, 255, 255))]).toEqual([235, 235, 235, 235, 235, 235, 235, 235, 128, 128, 128, 128]);
    expect(rgbaToI420(solid(0, 0, 0))[0]).toBe(16);
    const red = rgbaToI420(solid(255, 0, 0));
    expect([red[0], red[8], red[10]]).toEqual([81, 90, 240]);
  });

  it('refuses odd sizes and mixed sizes', () => {
    expect(() => writeY4m(join(dir, 'odd.y4m'), [{ width: 3, height: 2, data: new Uint8Array(24) }])).toThrow(/even/);
    expect(() => writeY4m(join(dir, 'mixed.y4m'), [solid(1, 2, 3), { width: 2, height: 2, data: new Uint8Array(16) }])).toThrow(/one size/);
  });
});
