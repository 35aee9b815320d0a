import type { ParsedReceipt } from './parsed-receipt';
import { EscPosTokenizer } from './escpos-tokenizer';
import { ReceiptBuilder } from './receipt-builder';

/**
 * Parses an ESC/POS byte stream back into what it prints: text lines
 * (decoded from GB18030 in Chinese mode) with alignment, size and bold, QR
 * payloads, raster images (adjacent bands merged), feeds and cuts. Never
 * throws: unrecognised commands are listed in `unknown`.
 */
export function parseEscPos(bytes: Uint8Array): ParsedReceipt {
  const tokenizer = new EscPosTokenizer();
  const builder = new ReceiptBuilder();
  for (const t of tokenizer.push(bytes)) builder.apply(t);
  for (const t of tokenizer.flush()) builder.apply(t);
  return builder.result();
}
