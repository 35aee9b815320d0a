import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Align } from '../escpos/commands';
import { charColumns, COLUMN_DOTS, textColumns } from '../encoder/layout';
import { CJK_FONT_FAMILY, RASTER_LINE_DOTS } from '../encoder/rasterize-text';
import type { ParsedElement, ParsedReceipt } from './parsed-receipt';

const MARGIN = 16;

function xFor(align: Align, contentWidth: number, widthDots: number): number {
  if (align === 'center') return MARGIN + Math.max(0, Math.floor((widthDots - contentWidth) / 2));
  if (align === 'right') return MARGIN + Math.max(0, widthDots - contentWidth);
  return MARGIN;
}

function qrModules(data: string, ecc: 'L' | 'M' | 'Q' | 'H') {
  return QRCode.create(data, { errorCorrectionLevel: ecc }).modules;
}

function elementHeight(e: ParsedElement): number {
  switch (e.kind) {
    case 'text':
      return RASTER_LINE_DOTS * e.height;
    case 'qr':
      return qrModules(e.data, e.ecc).size * e.moduleSize + 8;
    case 'image':
      return e.bitmap.height;
    case 'feed':
      return RASTER_LINE_DOTS * e.lines;
    case 'cut':
      return 24;
  }
}

function drawElement(ctx: SKRSContext2D, e: ParsedElement, y: number, widthDots: number): void {
  switch (e.kind) {
    case 'text': {
      const cell = COLUMN_DOTS * e.width;
      let x = xFor(e.align, textColumns(e.text) * cell, widthDots);
      ctx.font = `${e.bold ? 'bold ' : ''}${24 * e.height}px ${CJK_FONT_FAMILY}`;
      ctx.textBaseline = 'middle';
      for (const ch of e.text) {
        ctx.save();
        ctx.translate(x, y + (RASTER_LINE_DOTS * e.height) / 2);
        ctx.scale(e.width / e.height, 1);
        ctx.fillText(ch, 0, 0);
        ctx.restore();
        x += charColumns(ch) * cell;
      }
      return;
    }
    case 'qr': {
      const modules = qrModules(e.data, e.ecc);
      const x0 = xFor(e.align, modules.size * e.moduleSize, widthDots);
      for (let r = 0; r < modules.size; r++)
        for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) ctx.fillRect(x0 + c * e.moduleSize, y + 4 + r * e.moduleSize, e.moduleSize, e.moduleSize);
      return;
    }
    case 'image': {
      const { width, height, data } = e.bitmap;
      const x0 = xFor(e.align, width, widthDots);
      const bytesPerRow = width / 8;
      for (let r = 0; r < height; r++)
        for (let c = 0; c < width; c++) if (data[r * bytesPerRow + (c >> 3)]! & (0x80 >> (c & 7))) ctx.fillRect(x0 + c, y + r, 1, 1);
      return;
    }
    case 'cut': {
      ctx.save();
      ctx.strokeStyle = '#999';
      ctx.setLineDash([8, 6]);
      ctx.beginPath();
      ctx.moveTo(0, y + 12);
      ctx.lineTo(widthDots + 2 * MARGIN, y + 12);
      ctx.stroke();
      ctx.restore();
      return;
    }
    case 'feed':
      return;
  }
}

/**
 * Renders a parsed receipt as a PNG the way the paper would look: text on
 * the printer's column grid with a CJK font, QR codes from their payloads,
 * raster images dot for dot, a dashed line at each cut. `widthDots` is the
 * printable width (default 576, 80 mm paper); a 16-dot margin is added on
 * each side. Resolves with the PNG bytes.
 */
export async function renderReceiptPng(receipt: ParsedReceipt, widthDots = 576): Promise<Buffer> {
  const height = receipt.elements.reduce((h, e) => h + elementHeight(e), 0) + 2 * MARGIN;
  const canvas = createCanvas(widthDots + 2 * MARGIN, Math.max(height, 2 * MARGIN + 1));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  let y = MARGIN;
  for (const e of receipt.elements) {
    drawElement(ctx, e, y, widthDots);
    y += elementHeight(e);
  }
  return canvas.encode('png');
}
