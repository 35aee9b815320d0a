import type { Align, QrEcc } from '../escpos/commands';
import type { Bitmap } from '../encoder/bitmap';

/** One printed element, in paper order. */
export type ParsedElement =
  | { kind: 'text'; text: string; align: Align; bold: boolean; width: number; height: number }
  | { kind: 'qr'; data: string; moduleSize: number; ecc: QrEcc; align: Align }
  | { kind: 'image'; bitmap: Bitmap; align: Align }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean };

/** What a stretch of ESC/POS bytes prints, decoded back (text from GB18030). */
export interface ParsedReceipt {
  elements: ParsedElement[];
  /** The last cut in the stream, or null when the paper was not cut. */
  cut: 'partial' | 'full' | null;
  /** Commands the parser did not recognise (raw bytes), for protocol tests. */
  unknown: Uint8Array[];
  /** Last `GS a n` value seen (null when none); 0 would mean automatic status back was switched off. */
  asbBits: number | null;
}

/** The text lines of a parsed receipt, in order (images and QR codes left out). */
export function receiptText(receipt: ParsedReceipt): string[] {
  return receipt.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
}
