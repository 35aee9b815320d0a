import { isAsbHeader, isPaperSensorReply, isRealtimeReply } from './status-bytes';

/** One framed message from the printer. */
export type PrinterReply =
  | { kind: 'asb'; bytes: Uint8Array }
  | { kind: 'realtime'; byte: number }
  | { kind: 'paper-sensor'; byte: number }
  | { kind: 'unknown'; byte: number };

/**
 * Splits the printer's byte stream into replies, whatever the chunking: an
 * ASB header (`(b & 0x93) == 0x10`) starts a 4-byte block; a byte with
 * `(b & 0x93) == 0x12` is a `DLE EOT` reply; any other byte with bits 4
 * and 7 clear is a `GS r` reply; the rest is reported as unknown.
 */
export class ReplyFramer {
  private asb: number[] | null = null;

  constructor(private readonly onReply: (reply: PrinterReply) => void) {}

  /** Feeds one incoming chunk (any size). */
  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (this.asb) {
        this.asb.push(b);
        if (this.asb.length === 4) {
          const bytes = Uint8Array.from(this.asb);
          this.asb = null;
          this.onReply({ kind: 'asb', bytes });
        }
      } else if (isAsbHeader(b)) this.asb = [b];
      else if (isRealtimeReply(b)) this.onReply({ kind: 'realtime', byte: b });
      else if (isPaperSensorReply(b)) this.onReply({ kind: 'paper-sensor', byte: b });
      else this.onReply({ kind: 'unknown', byte: b });
    }
  }
}
