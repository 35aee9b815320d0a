/** One framed line, or an overflow marker when a line exceeded the byte limit. */
export type SplitLine = { kind: 'line'; bytes: Uint8Array } | { kind: 'overflow'; bytes: number };

/**
 * Splits a byte stream into lines ended by CR, LF or CRLF (CRLF counts as one
 * terminator even when CR and LF arrive in different chunks). Tolerant of
 * arbitrary chunking. Empty lines are dropped (a lone LF after CR, blank
 * lines between scans). A line longer than `maxLineBytes` is not buffered
 * further: the splitter discards bytes up to the next terminator and then
 * reports one `overflow` with the discarded count, so memory stays bounded.
 */
export class LineSplitter {
  private buffer: number[] = [];
  private overflowed = 0;
  private lastWasCr = false;

  /** @param maxLineBytes largest line kept, in bytes (terminator excluded). */
  constructor(private readonly maxLineBytes: number) {}

  /** Feeds a chunk; returns the lines it completed, in order. Never throws. */
  push(chunk: Uint8Array): SplitLine[] {
    const out: SplitLine[] = [];
    for (const byte of chunk) {
      if (byte === 0x0a && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = byte === 0x0d;
      if (byte === 0x0d || byte === 0x0a) {
        this.finishLine(out);
        continue;
      }
      if (this.overflowed > 0) {
        this.overflowed++;
      } else if (this.buffer.length >= this.maxLineBytes) {
        this.overflowed = this.buffer.length + 1;
        this.buffer = [];
      } else {
        this.buffer.push(byte);
      }
    }
    return out;
  }

  /** Drops any partial line (e.g. after a reconnect). */
  reset(): void {
    this.buffer = [];
    this.overflowed = 0;
    this.lastWasCr = false;
  }

  private finishLine(out: SplitLine[]): void {
    if (this.overflowed > 0) {
      out.push({ kind: 'overflow', bytes: this.overflowed });
    } else if (this.buffer.length > 0) {
      out.push({ kind: 'line', bytes: Uint8Array.from(this.buffer) });
    }
    this.buffer = [];
    this.overflowed = 0;
  }
}
