import type { Align } from '../escpos/commands';

/** One ESC/POS command or text run, as the simulator's printer sees it. */
export type EscPosToken =
  | { t: 'text'; bytes: Uint8Array }
  | { t: 'lf' }
  | { t: 'init' }
  | { t: 'chinese'; on: boolean }
  | { t: 'align'; align: Align }
  | { t: 'bold'; on: boolean }
  | { t: 'size'; width: number; height: number }
  | { t: 'feed'; lines: number }
  | { t: 'cut'; partial: boolean }
  | { t: 'asb'; bits: number }
  | { t: 'realtime-status'; n: number }
  | { t: 'paper-status'; n: number }
  | { t: 'qr'; fn: number; params: Uint8Array }
  | { t: 'raster'; bytesPerRow: number; height: number; data: Uint8Array }
  | { t: 'unknown'; bytes: Uint8Array };

/** True for commands a printer executes on receipt, even while it holds print data (`DLE EOT`). */
export function isRealtime(token: EscPosToken): boolean {
  return token.t === 'realtime-status';
}

type Read = { token: EscPosToken | null; length: number } | null;

const ALIGNS: Align[] = ['left', 'center', 'right'];

function fixed(buf: Uint8Array, i: number, length: number, make: (b: Uint8Array) => EscPosToken | null): Read {
  if (buf.length - i < length) return null;
  return { token: make(buf.subarray(i, i + length)), length };
}

const unknown = (b: Uint8Array): EscPosToken => ({ t: 'unknown', bytes: Uint8Array.from(b) });

function readEsc(buf: Uint8Array, i: number): Read {
  if (buf.length - i < 2) return null;
  switch (buf[i + 1]) {
    case 0x40:
      return { token: { t: 'init' }, length: 2 };
    case 0x61:
      return fixed(buf, i, 3, (b) => ({ t: 'align', align: ALIGNS[b[2]! % 48] ?? 'left' }));
    case 0x45:
      return fixed(buf, i, 3, (b) => ({ t: 'bold', on: (b[2]! & 1) === 1 }));
    case 0x64:
      return fixed(buf, i, 3, (b) => ({ t: 'feed', lines: b[2]! }));
    case 0x32:
      return { token: null, length: 2 };
    default:
      return fixed(buf, i, 3, unknown);
  }
}

function readGs(buf: Uint8Array, i: number): Read {
  if (buf.length - i < 2) return null;
  switch (buf[i + 1]) {
    case 0x21:
      return fixed(buf, i, 3, (b) => ({ t: 'size', width: (b[2]! >> 4) + 1, height: (b[2]! & 7) + 1 }));
    case 0x61:
      return fixed(buf, i, 3, (b) => ({ t: 'asb', bits: b[2]! }));
    case 0x72:
      return fixed(buf, i, 3, (b) => ({ t: 'paper-status', n: b[2]! }));
    case 0x56: {
      if (buf.length - i < 3) return null;
      const m = buf[i + 2]!;
      if (m === 0x41 || m === 0x42) return fixed(buf, i, 4, () => ({ t: 'cut', partial: m === 0x42 }));
      return { token: { t: 'cut', partial: (m & 1) === 1 }, length: 3 };
    }
    case 0x28: {
      if (buf.length - i < 5) return null;
      const len = buf[i + 3]! | (buf[i + 4]! << 8);
      if (buf[i + 2] !== 0x6b) return fixed(buf, i, 5 + len, unknown);
      return fixed(buf, i, 5 + len, (b) => (len >= 2 ? { t: 'qr', fn: b[6]!, params: Uint8Array.from(b.subarray(7)) } : unknown(b)));
    }
    case 0x76: {
      if (buf.length - i < 8) return null;
      const bytesPerRow = buf[i + 4]! | (buf[i + 5]! << 8);
      const height = buf[i + 6]! | (buf[i + 7]! << 8);
      return fixed(buf, i, 8 + bytesPerRow * height, (b) => ({ t: 'raster', bytesPerRow, height, data: Uint8Array.from(b.subarray(8)) }));
    }
    default:
      return fixed(buf, i, 3, unknown);
  }
}

function readToken(buf: Uint8Array, i: number, final: boolean): Read {
  const b = buf[i]!;
  if (b >= 0x20) {
    let j = i;
    while (j < buf.length && buf[j]! >= 0x20) j++;
    if (j === buf.length && !final) return null;
    return { token: { t: 'text', bytes: Uint8Array.from(buf.subarray(i, j)) }, length: j - i };
  }
  switch (b) {
    case 0x0a:
      return { token: { t: 'lf' }, length: 1 };
    case 0x0d:
      return { token: null, length: 1 };
    case 0x10:
      return fixed(buf, i, 3, (c) => (c[1] === 0x04 ? { t: 'realtime-status', n: c[2]! } : unknown(c)));
    case 0x1b:
      return readEsc(buf, i);
    case 0x1c:
      if (buf.length - i < 2) return null;
      if (buf[i + 1] === 0x26 || buf[i + 1] === 0x2e) return { token: { t: 'chinese', on: buf[i + 1] === 0x26 }, length: 2 };
      return fixed(buf, i, 3, unknown);
    case 0x1d:
      return readGs(buf, i);
    default:
      return { token: unknown(buf.subarray(i, i + 1)), length: 1 };
  }
}

/**
 * Incremental ESC/POS tokenizer: feed chunks split anywhere, get whole
 * commands back. Incomplete commands wait for the next chunk; a text run
 * is emitted when a control byte ends it (or at {@link flush}).
 */
export class EscPosTokenizer {
  private pending: Uint8Array = new Uint8Array(0);

  /** Feeds a chunk; returns the tokens it completed, in order. */
  push(chunk: Uint8Array): EscPosToken[] {
    const buf = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const out: EscPosToken[] = [];
    let i = 0;
    while (i < buf.length) {
      const r = readToken(buf, i, false);
      if (!r) break;
      if (r.token) out.push(r.token);
      i += r.length;
    }
    this.pending = Uint8Array.from(buf.subarray(i));
    return out;
  }

  /** Ends the stream: emits a trailing text run; an incomplete command is returned as `unknown`. */
  flush(): EscPosToken[] {
    const buf = this.pending;
    this.pending = new Uint8Array(0);
    const out: EscPosToken[] = [];
    let i = 0;
    while (i < buf.length) {
      const r = readToken(buf, i, true);
      if (!r) {
        out.push(unknown(buf.subarray(i)));
        break;
      }
      if (r.token) out.push(r.token);
      i += r.length;
    }
    return out;
  }

  /** Bytes received but not yet forming a whole command. */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
