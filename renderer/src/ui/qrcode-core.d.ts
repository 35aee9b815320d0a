/**
 * The pure matrix part of npm `qrcode` (`qrcode/lib/core/qrcode`: segments in,
 * modules out; no canvas, no DOM, no Node), the only part the renderer
 * imports. Declared here instead of taken from `@types/qrcode`, whose
 * declarations pull in Node's types (Buffer, streams), which the renderer
 * does not have.
 */
declare module 'qrcode/lib/core/qrcode' {
  /** One data segment; the renderer uses byte mode only. */
  export interface QrSegment {
    data: string;
    mode: 'byte';
  }
  /** A finished QR symbol. */
  export interface QrSymbol {
    /** `size`×`size` modules; `get(row, col)` is 1 for a dark module. */
    modules: { size: number; get(row: number, col: number): number };
    version: number;
    maskPattern: number;
  }
  /**
   * Encodes `segments` at the smallest version that holds them (or
   * `options.version`), with the given or the best mask. Throws `Error` when
   * the data does not fit version 40 at that level.
   */
  export function create(
    segments: QrSegment[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; maskPattern?: number; version?: number },
  ): QrSymbol;
}
