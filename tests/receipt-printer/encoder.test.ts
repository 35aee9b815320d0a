import { describe, expect, it } from 'vitest';
import { encodeGb18030, encodeReceipt, encodeReceiptSegments, escpos, needsRaster, parseEscPos, receiptText } from '../../drivers/receipt-printer/index';
import { EscPosTokenizer } from '../../drivers/receipt-printer/sim/escpos-tokenizer';
import { hex, indexOfBytes, toHex } from './hex';
import { sampleReceipt } from './sample-receipt';

describe('ESC/POS command bytes (HARDWARE.md section 2)', () => {
  it('encodes the basic commands byte for byte', () => {
    expect(toHex(escpos.INIT)).toBe('1B 40');
    expect(toHex(escpos.align('left'))).toBe('1B 61 00');
    expect(toHex(escpos.align('center'))).toBe('1B 61 01');
    expect(toHex(escpos.align('right'))).toBe('1B 61 02');
    expect(toHex(escpos.bold(true))).toBe('1B 45 01');
    expect(toHex(escpos.bold(false))).toBe('1B 45 00');
    expect(toHex(escpos.size(2, 2))).toBe('1D 21 11');
    expect(toHex(escpos.size(1, 1))).toBe('1D 21 00');
    expect(toHex(escpos.size(8, 3))).toBe('1D 21 72');
    expect(toHex(escpos.CHINESE_ON)).toBe('1C 26');
    expect(toHex(escpos.CHINESE_OFF)).toBe('1C 2E');
    expect(toHex(escpos.feedAndCut(true, 0))).toBe('1D 56 42 00');
    expect(toHex(escpos.feedAndCut(false, 16))).toBe('1D 56 41 10');
    expect(toHex(escpos.enableAsb())).toBe('1D 61 0F');
    expect(toHex(escpos.realtimeStatus(4))).toBe('10 04 04');
  });

  it('refuses to switch automatic status back off and rejects bad sizes', () => {
    expect(() => escpos.enableAsb(0)).toThrow(RangeError);
    expect(() => escpos.size(9, 1)).toThrow(RangeError);
    expect(() => escpos.size(0, 1)).toThrow(RangeError);
  });

  it('encodes 政务服务 as GB18030 D5 FE CE F1 B7 FE CE F1', () => {
    expect(toHex(encodeGb18030('政务服务'))).toBe('D5 FE CE F1 B7 FE CE F1');
  });

  it('emits the QR vector with BYTE lengths', () => {
    const data = 'https://a.cn/1'; // 14 bytes
    expect(toHex(escpos.qrCode(data, { moduleSize: 6, ecc: 'M' }))).toBe(
      toHex(hex(`1D 28 6B 04 00 31 41 32 00  1D 28 6B 03 00 31 43 06  1D 28 6B 03 00 31 45 31  1D 28 6B 11 00 31 50 30 ${toHex(new TextEncoder().encode(data))}  1D 28 6B 03 00 31 51 30`)),
    );
  });

  it('counts QR length in UTF-8 bytes, not characters, including pH for long payloads', () => {
    const zh = escpos.qrCode('政务', { ecc: 'H' }); // 2 characters, 6 bytes
    expect(indexOfBytes(zh, hex('1D 28 6B 09 00 31 50 30 E6 94 BF E5 8A A1'))).toBeGreaterThan(0);
    expect(indexOfBytes(zh, hex('1D 28 6B 03 00 31 45 33'))).toBeGreaterThan(0);
    const long = escpos.qrCode('x'.repeat(300)); // 303 = 0x012F
    expect(indexOfBytes(long, hex('1D 28 6B 2F 01 31 50 30'))).toBeGreaterThan(0);
    expect(() => escpos.qrCode('')).toThrow(RangeError);
  });

  it('builds raster bands as GS v 0 with width in bytes and height in rows', () => {
    const band = escpos.rasterBand(2, Uint8Array.of(0x80, 0x01, 0xff, 0x00));
    expect(toHex(band)).toBe('1D 76 30 00 02 00 02 00 80 01 FF 00');
  });
});

describe('encodeReceipt', () => {
  it('starts with ESC @, ASB on and Chinese mode, ends with a partial cut, never sends GS a 0', () => {
    const bytes = encodeReceipt(sampleReceipt());
    expect(toHex(bytes.subarray(0, 7))).toBe('1B 40 1D 61 0F 1C 26');
    expect(toHex(bytes.subarray(bytes.length - 4))).toBe('1D 56 42 00');
    const tokens = new EscPosTokenizer().push(bytes);
    expect(tokens.filter((t) => t.t === 'asb').map((t) => (t as { bits: number }).bits)).toEqual([0x0f]);
    expect(tokens.some((t) => t.t === 'unknown')).toBe(false);
  });

  it('prints the title centred, bold, double size', () => {
    const bytes = encodeReceipt(sampleReceipt());
    const title = hex(`1B 61 01 1B 45 01 1D 21 11 ${toHex(encodeGb18030('受理回执'))} 0A 1D 21 00 1B 45 00`);
    expect(indexOfBytes(bytes, title)).toBeGreaterThan(0);
  });

  it('masks personal lines by default and prints them as given when unmasked', () => {
    const masked = receiptText(parseEscPos(encodeReceipt(sampleReceipt()))).join('\n');
    expect(masked).toContain('张**');
    expect(masked).toContain('1101**********0015');
    expect(masked).not.toContain('张三丰');
    expect(masked).not.toContain('110101199003070015');
    const plain = receiptText(parseEscPos(encodeReceipt(sampleReceipt(), { unmasked: true }))).join('\n');
    expect(plain).toContain('张三丰');
    expect(plain).toContain('110101199003070015');
  });

  it('rasterises a line with a 4-byte GB18030 character in bands of at most 24 rows', () => {
    expect(needsRaster('𠀋村一组')).toBe(true);
    expect(needsRaster('政务服务 ABC')).toBe(false);
    const segments = encodeReceiptSegments(sampleReceipt());
    const bands = segments.filter((s) => s[0] === 0x1d && s[1] === 0x76 && s[2] === 0x30);
    expect(bands.length).toBeGreaterThanOrEqual(2);
    for (const b of bands) expect(b[6]! | (b[7]! << 8)).toBeLessThanOrEqual(24);
    // No 4-byte GB18030 sequence is ever sent as text.
    const text = new EscPosTokenizer().push(encodeReceipt(sampleReceipt())).filter((t) => t.t === 'text');
    for (const t of text) expect(indexOfBytes((t as { bytes: Uint8Array }).bytes, encodeGb18030('𠀋'))).toBe(-1);
  });

  it('lays out 58 mm paper in 32 columns', () => {
    const lines = receiptText(parseEscPos(encodeReceipt(sampleReceipt(), { widthDots: 384 })));
    expect(lines).toContain('-'.repeat(32));
    expect(lines.find((l) => l.startsWith('受理编号'))).toBe('受理编号：' + ' '.repeat(32 - 10 - 16) + 'SL20261121000123');
  });
});

describe('a Uyghur line on the receipt', () => {
  it('goes out as a full-width raster image (shaped, right to left), never as GB18030 text bytes', () => {
    const label = 'قوبۇل قىلىش نومۇرى';
    const bytes = encodeReceipt({ title: '政务服务办件回执', lines: [{ label: '受理编号', value: 'SQ1' }, { label, value: 'SQ1' }], qr: null, footer: null });
    expect(indexOfBytes(bytes, encodeGb18030(label))).toBe(-1);
    // GS v 0 with 576 / 8 = 72 bytes a row: the whole width.
    expect(indexOfBytes(bytes, hex('1D 76 30 00 48 00'))).toBeGreaterThan(-1);
    expect(indexOfBytes(bytes, encodeGb18030('受理编号'))).toBeGreaterThan(-1);
  });
});
