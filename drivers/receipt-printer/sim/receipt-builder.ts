import type { Align, QrEcc } from '../escpos/commands';
import { decodeGb18030 } from '../escpos/gb18030';
import type { ParsedElement, ParsedReceipt } from './parsed-receipt';
import type { EscPosToken } from './escpos-tokenizer';

const ECC: Record<number, QrEcc> = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' };

/**
 * Applies print tokens the way a printer would and collects what lands on
 * paper. Status commands are ignored here (the simulator answers them).
 */
export class ReceiptBuilder {
  private elements: ParsedElement[] = [];
  private unknown: Uint8Array[] = [];
  private asbBits: number | null = null;
  private cut: 'partial' | 'full' | null = null;
  private align: Align = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private chinese = false;
  private line: Uint8Array[] = [];
  private qrData: Uint8Array = new Uint8Array(0);
  private qrSize = 3;
  private qrEcc: QrEcc = 'L';
  private lastWasImage = false;

  /** Applies one token. */
  apply(token: EscPosToken): void {
    if (token.t !== 'raster') this.lastWasImage = false;
    switch (token.t) {
      case 'text':
        this.line.push(token.bytes);
        return;
      case 'lf':
        this.flushLine(true);
        return;
      case 'init':
        this.flushLine(false);
        this.align = 'left';
        this.bold = false;
        this.width = 1;
        this.height = 1;
        this.chinese = false;
        return;
      case 'chinese':
        this.chinese = token.on;
        return;
      case 'align':
        this.align = token.align;
        return;
      case 'bold':
        this.bold = token.on;
        return;
      case 'size':
        this.width = token.width;
        this.height = token.height;
        return;
      case 'feed':
        this.flushLine(false);
        this.elements.push({ kind: 'feed', lines: token.lines });
        return;
      case 'cut':
        this.flushLine(false);
        this.cut = token.partial ? 'partial' : 'full';
        this.elements.push({ kind: 'cut', partial: token.partial });
        return;
      case 'asb':
        this.asbBits = token.bits;
        return;
      case 'qr':
        this.applyQr(token.fn, token.params);
        return;
      case 'raster':
        this.applyRaster(token.bytesPerRow, token.height, token.data);
        return;
      case 'unknown':
        this.unknown.push(token.bytes);
        return;
      default:
        return;
    }
  }

  /** The receipt so far (pending text without LF is included). */
  result(): ParsedReceipt {
    this.flushLine(false);
    return { elements: [...this.elements], cut: this.cut, unknown: [...this.unknown], asbBits: this.asbBits };
  }

  /** Starts a new receipt, keeping the print modes (as after a cut). */
  startNext(): void {
    this.elements = [];
    this.unknown = [];
    this.cut = null;
    this.lastWasImage = false;
  }

  private flushLine(lineFeed: boolean): void {
    if (this.line.length === 0 && !lineFeed) return;
    const total = this.line.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const p of this.line) {
      bytes.set(p, at);
      at += p.length;
    }
    this.line = [];
    const text = this.chinese ? decodeGb18030(bytes) : Buffer.from(bytes).toString('latin1');
    this.elements.push({ kind: 'text', text, align: this.align, bold: this.bold, width: this.width, height: this.height });
  }

  private applyQr(fn: number, params: Uint8Array): void {
    if (fn === 0x43 && params.length >= 1) this.qrSize = params[0]!;
    else if (fn === 0x45 && params.length >= 1) this.qrEcc = ECC[params[0]!] ?? 'L';
    else if (fn === 0x50) this.qrData = params.subarray(1);
    else if (fn === 0x51) {
      this.flushLine(false);
      this.elements.push({ kind: 'qr', data: new TextDecoder().decode(this.qrData), moduleSize: this.qrSize, ecc: this.qrEcc, align: this.align });
    }
  }

  private applyRaster(bytesPerRow: number, height: number, data: Uint8Array): void {
    this.flushLine(false);
    const prev = this.elements[this.elements.length - 1];
    if (this.lastWasImage && prev?.kind === 'image' && prev.bitmap.width === bytesPerRow * 8 && prev.align === this.align) {
      const merged = new Uint8Array(prev.bitmap.data.length + data.length);
      merged.set(prev.bitmap.data);
      merged.set(data, prev.bitmap.data.length);
      prev.bitmap = { width: prev.bitmap.width, height: prev.bitmap.height + height, data: merged };
    } else {
      this.elements.push({ kind: 'image', bitmap: { width: bytesPerRow * 8, height, data }, align: this.align });
    }
    this.lastWasImage = true;
  }
}
