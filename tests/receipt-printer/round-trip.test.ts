import { describe, expect, it } from 'vitest';
import { encodeReceipt, parseEscPos, receiptText, renderReceiptPng } from '../../drivers/receipt-printer/index';
import { countBlack } from '../../drivers/receipt-printer/encoder/bitmap';
import { EscPosTokenizer } from '../../drivers/receipt-printer/sim/escpos-tokenizer';
import { ReceiptBuilder } from '../../drivers/receipt-printer/sim/receipt-builder';
import { sampleReceipt } from './sample-receipt';

describe('document → ESC/POS → document', () => {
  const bytes = encodeReceipt(sampleReceipt());
  const parsed = parseEscPos(bytes);

  it('gets the text back from GB18030 with alignment, size and bold', () => {
    const title = parsed.elements[0];
    expect(title).toEqual({ kind: 'text', text: '受理回执', align: 'center', bold: true, width: 2, height: 2 });
    const lines = receiptText(parsed).map((l) => l.replace(/ +/g, ' '));
    expect(lines).toEqual(
      expect.arrayContaining(['某某市政务服务中心', '事项： 居民身份证换领', '受理编号： SL20261121000123', '申请人： 张**', '身份证号： 1101**********0015', '扫码查询办理进度', '请妥善保管本回执', '咨询电话 12345']),
    );
    const footer = parsed.elements.find((e) => e.kind === 'text' && e.text === '请妥善保管本回执');
    expect(footer).toMatchObject({ align: 'center', bold: false, width: 1 });
  });

  it('gets the QR payload back with model-2 settings', () => {
    const qr = parsed.elements.filter((e) => e.kind === 'qr');
    expect(qr).toEqual([{ kind: 'qr', data: 'https://zwfw.example.gov.cn/q?n=SL20261121000123', moduleSize: 6, ecc: 'M', align: 'center' }]);
  });

  it('gets the rasterised rare-character line back as one image (bands merged) with ink on it', () => {
    const images = parsed.elements.filter((e) => e.kind === 'image');
    expect(images).toHaveLength(1);
    const img = images[0]!;
    if (img.kind !== 'image') throw new Error('not an image');
    expect(img.bitmap.width).toBe(576);
    expect(img.bitmap.height).toBe(30);
    expect(countBlack(img.bitmap)).toBeGreaterThan(200);
    // The image sits where the address line belongs: after the ID number line.
    const idx = parsed.elements.indexOf(img);
    const before = parsed.elements[idx - 1];
    expect(before?.kind === 'text' && before.text.startsWith('身份证号')).toBe(true);
  });

  it('ends with a partial cut and reports nothing unknown', () => {
    expect(parsed.cut).toBe('partial');
    expect(parsed.elements.at(-1)).toEqual({ kind: 'cut', partial: true });
    expect(parsed.unknown).toEqual([]);
    expect(parsed.asbBits).toBe(0x0f);
  });

  it('parses the same document from a stream split at every byte', () => {
    const tokenizer = new EscPosTokenizer();
    const builder = new ReceiptBuilder();
    for (let i = 0; i < bytes.length; i++) for (const t of tokenizer.push(bytes.subarray(i, i + 1))) builder.apply(t);
    for (const t of tokenizer.flush()) builder.apply(t);
    expect(builder.result()).toEqual(parsed);
  });

  it('renders a PNG preview', async () => {
    const png = await renderReceiptPng(parsed);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(576 + 32);
    expect(height).toBeGreaterThan(400);
  });
});
