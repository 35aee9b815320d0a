import { maskIdNumber, maskName } from '../../../common/domain/masking';
import * as cmd from '../escpos/commands';
import { encodeGb18030, needsRaster } from '../escpos/gb18030';
import type { ReceiptDocument, ReceiptLine } from '../receipt-document';
import { COLUMN_DOTS, hasArabicScript, labelValueRows, textColumns, wrapColumns } from './layout';
import { rasterizeText } from './rasterize-text';

/** Options of {@link encodeReceipt}. */
export interface EncodeOptions {
  /** Print personal lines as they are instead of masked. Default false: masked on paper. */
  unmasked?: boolean;
  /** Printable width in dots: 576 for 80 mm paper (default), 384 for 58 mm. */
  widthDots?: number;
  /** QR module size in dots, 1..16. Default 6. */
  qrModuleSize?: number;
}

/** Rows per `GS v 0` band: small bands keep the printer's receive buffer from overflowing. */
export const RASTER_BAND_ROWS = 24;

/**
 * Encodes a receipt into ESC/POS commands, one array element per whole
 * command or printed line, so a sender can split the stream between
 * commands (a real-time status request must never land inside other data).
 * Prologue: `ESC @`, `GS a 0F` (automatic status back on), `FS &`.
 * Lines with a 4-byte GB18030 character are rasterised (Uyghur lines whole,
 * shaped and right to left, across the full width). Throws RangeError
 * for an invalid QR payload or width.
 */
export function encodeReceiptSegments(doc: ReceiptDocument, options: EncodeOptions = {}): Uint8Array[] {
  const widthDots = options.widthDots ?? 576;
  if (!Number.isInteger(widthDots) || widthDots < 96 || widthDots > 2048) throw new RangeError('widthDots must be 96..2048');
  const columns = Math.floor(widthDots / COLUMN_DOTS);
  const out: Uint8Array[] = [cmd.INIT, cmd.enableAsb(), cmd.CHINESE_ON];
  const separator = () => {
    out.push(cmd.align('left'));
    pushText(out, '-'.repeat(columns), widthDots, 1, false);
  };

  out.push(cmd.align('center'), cmd.bold(true), cmd.size(2, 2));
  for (const row of wrapColumns(doc.title, Math.floor(columns / 2))) pushText(out, row, widthDots, 2, true);
  out.push(cmd.size(1, 1), cmd.bold(false));
  if (doc.subtitle) for (const row of wrapColumns(doc.subtitle, columns)) pushText(out, row, widthDots, 1, false);
  separator();

  for (const line of doc.lines) {
    for (const row of labelValueRows(line.label, printedValue(line, options.unmasked === true), columns)) pushText(out, row, widthDots, 1, false);
  }
  separator();

  if (doc.qr !== null) {
    out.push(cmd.align('center'), cmd.qrCode(doc.qr, { moduleSize: options.qrModuleSize ?? 6, ecc: 'M' }), cmd.LF);
    if (doc.qrCaption) for (const row of wrapColumns(doc.qrCaption, columns)) pushText(out, row, widthDots, 1, false);
  }
  if (doc.footer !== null) {
    out.push(cmd.align('center'));
    for (const para of doc.footer.split('\n')) for (const row of wrapColumns(para, columns)) pushText(out, row, widthDots, 1, false);
  }
  out.push(cmd.align('left'), cmd.feedLines(2), cmd.feedAndCut(true, 0));
  return out;
}

/** Encodes a receipt into one ESC/POS byte stream (see {@link encodeReceiptSegments}). */
export function encodeReceipt(doc: ReceiptDocument, options: EncodeOptions = {}): Uint8Array {
  return cmd.concatBytes(encodeReceiptSegments(doc, options));
}

/** The value as printed: masked with common/domain/masking unless `unmasked`. */
export function printedValue(line: ReceiptLine, unmasked: boolean): string {
  if (unmasked || line.mask === undefined) return line.value;
  return line.mask === 'name' ? maskName(line.value) : maskIdNumber(line.value);
}

function pushText(out: Uint8Array[], row: string, widthDots: number, scale: number, bold: boolean): void {
  if (!needsRaster(row)) {
    out.push(cmd.concatBytes([encodeGb18030(row), cmd.LF]));
    return;
  }
  // A right-to-left line takes the whole width, so it is right-aligned on paper.
  const rowDots = hasArabicScript(row) ? widthDots : Math.min(widthDots, Math.ceil((textColumns(row) * COLUMN_DOTS * scale) / 8) * 8);
  const bitmap = rasterizeText(row, rowDots, { bold, scale });
  const bytesPerRow = bitmap.width / 8;
  for (let y = 0; y < bitmap.height; y += RASTER_BAND_ROWS) {
    const rows = Math.min(RASTER_BAND_ROWS, bitmap.height - y);
    out.push(cmd.rasterBand(bytesPerRow, bitmap.data.subarray(y * bytesPerRow, (y + rows) * bytesPerRow)));
  }
}

/**
 * Encodes a small receipt once so code tables (GB18030), fonts and canvas
 * paths are loaded before the first real receipt (about 40 ms when cold).
 * Safe to call often; never throws.
 */
export function warmUpEncoder(): void {
  try {
    encodeReceiptSegments({ title: '预热', lines: [{ label: '字', value: '政𠀋A' }], qr: 'warm-up', footer: null });
  } catch {
    // Warm-up is an optimisation only.
  }
}
