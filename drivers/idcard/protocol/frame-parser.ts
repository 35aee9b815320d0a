import type { DeviceError } from '../../base/errors';
import { HEADER_BYTES, MAX_LEN, MIN_LEN, PREAMBLE, protocolError, xorChecksum, type Frame } from './frame';

/** What the parser reports besides frames. `kind` tells a bad LEN (resync, keep waiting) from a bad CHK (a whole frame was lost). */
export interface FrameParserError {
  kind: 'length' | 'checksum';
  error: DeviceError;
}

/** Callbacks of a {@link FrameParser}. */
export interface FrameParserHandlers {
  onFrame(frame: Frame): void;
  onError?(error: FrameParserError): void;
}

const INITIAL_CAPACITY = 4096;

/**
 * Streaming frame parser (one rule: preamble, LEN, body, XOR). Accepts chunks
 * of any size, frames back to back and line noise. It resynchronises on the
 * preamble: noise before a preamble is dropped silently; a bad LEN or a bad
 * CHK is reported through `onError` and scanning restarts one byte after the
 * false preamble, so a real frame hidden behind noise is still found.
 * Never throws; handler exceptions propagate to the caller of `push`.
 */
export class FrameParser {
  private buf = new Uint8Array(INITIAL_CAPACITY);
  private size = 0;
  /** Bytes dropped as noise since creation (for diagnostics). */
  droppedBytes = 0;

  constructor(private readonly handlers: FrameParserHandlers) {}

  /** Feeds one chunk; emits every frame it completes, in order. */
  push(chunk: Uint8Array): void {
    this.append(chunk);
    let pos = 0;
    for (;;) {
      const start = this.findPreamble(pos);
      if (start < 0) {
        // Keep a possible partial preamble at the tail (at most 4 bytes).
        const keepFrom = Math.max(pos, this.size - (PREAMBLE.length - 1));
        const tailStart = this.partialPreambleStart(keepFrom);
        this.droppedBytes += tailStart - pos;
        pos = tailStart;
        break;
      }
      this.droppedBytes += start - pos;
      pos = start;
      if (this.size - start < HEADER_BYTES) break;
      const len = (this.buf[start + 5]! << 8) | this.buf[start + 6]!;
      if (len < MIN_LEN || len > MAX_LEN) {
        this.handlers.onError?.({ kind: 'length', error: protocolError(`bad frame length ${len}`, '帧长度错误') });
        pos = start + 1;
        continue;
      }
      const total = HEADER_BYTES + len;
      if (this.size - start < total) break;
      const end = start + total - 1;
      if (xorChecksum(this.buf, start + 5, end) !== this.buf[end]) {
        this.handlers.onError?.({ kind: 'checksum', error: protocolError('frame checksum mismatch', '帧校验和错误') });
        pos = start + 1;
        continue;
      }
      const raw = this.buf.slice(start, start + total);
      pos = start + total;
      this.handlers.onFrame({ raw, body: raw.subarray(HEADER_BYTES, total - 1) });
    }
    this.compact(pos);
  }

  /** Drops everything buffered (e.g. after a timeout, so a late reply cannot be mistaken for the next one). */
  reset(): void {
    this.size = 0;
  }

  /** Bytes currently buffered while waiting for the rest of a frame. */
  get buffered(): number {
    return this.size;
  }

  private append(chunk: Uint8Array): void {
    if (this.size + chunk.length > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.size + chunk.length));
      next.set(this.buf.subarray(0, this.size));
      this.buf = next;
    }
    this.buf.set(chunk, this.size);
    this.size += chunk.length;
  }

  private compact(pos: number): void {
    if (pos === 0) return;
    this.buf.copyWithin(0, pos, this.size);
    this.size -= pos;
  }

  private findPreamble(from: number): number {
    const last = this.size - PREAMBLE.length;
    outer: for (let i = from; i <= last; i++) {
      for (let j = 0; j < PREAMBLE.length; j++) {
        if (this.buf[i + j] !== PREAMBLE[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** First index ≥ `from` whose bytes to the end are a prefix of the preamble; `size` when none. */
  private partialPreambleStart(from: number): number {
    for (let i = from; i < this.size; i++) {
      let ok = true;
      for (let j = 0; i + j < this.size; j++) {
        if (this.buf[i + j] !== PREAMBLE[j]) {
          ok = false;
          break;
        }
      }
      if (ok) return i;
    }
    return this.size;
  }
}
