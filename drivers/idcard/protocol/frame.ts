import { DeviceError } from '../../base/errors';

/** The five-byte preamble that starts every frame in both directions. */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);

/** Bytes before the body: preamble (5) + LEN (2). */
export const HEADER_BYTES = 7;

/**
 * Largest LEN the parser accepts (bytes after LEN, CHK included). The largest
 * documented frame is a read with fingerprint: 3 status + 6 length bytes +
 * 256 text + 1024 photo + 1024 fingerprint + 1 CHK = 2314. A little slack is
 * allowed; anything larger is noise and triggers a resync.
 */
export const MAX_LEN = 2400;

/** Smallest LEN: a request has CMD PARA CHK (3). */
export const MIN_LEN = 3;

/** One verified frame. `body` is everything between LEN and CHK. */
export interface Frame {
  /** The body: CMD PARA data (request) or SW1 SW2 SW3 data (response). */
  body: Uint8Array;
  /** The whole frame as received, preamble to CHK. */
  raw: Uint8Array;
}

/** A response frame split into its status bytes and data. */
export interface ResponseFrame extends Frame {
  sw1: number;
  sw2: number;
  /** The status byte (see `sw3.ts`). */
  sw3: number;
  /** Bytes after SW3, before CHK. */
  data: Uint8Array;
}

/** A request frame split into command, parameter and data. */
export interface RequestFrame extends Frame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

/** XOR of `bytes[from..to)`. */
export function xorChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/**
 * Builds a complete frame around `body` (LEN = body + CHK, CHK = XOR from
 * LEN_H to the last body byte). Throws a RangeError when the body is longer
 * than a frame can carry (LEN > 0xFFFF).
 */
export function buildFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`frame body too long: ${body.length} bytes`);
  const out = new Uint8Array(HEADER_BYTES + len);
  out.set(PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, HEADER_BYTES);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

/** Builds a host request `CMD PARA data...`, e.g. `buildRequest(0x20, 0x01)` is "find card". */
export function buildRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return buildFrame(body);
}

/** Builds a reader response `SW1 SW2 SW3 data...` (SW1 and SW2 default to 0). */
export function buildResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return buildFrame(body);
}

/**
 * Decodes exactly one complete frame (no leading noise, no trailing bytes).
 * Throws a `ProtocolError` DeviceError for a bad preamble, length, truncation
 * or checksum; never throws anything else.
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.length < HEADER_BYTES) throw protocolError(`frame truncated: ${bytes.length} bytes`, '帧不完整');
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (bytes[i] !== PREAMBLE[i]) throw protocolError('bad preamble', '帧头错误');
  }
  const len = (bytes[5]! << 8) | bytes[6]!;
  if (len < MIN_LEN || len > MAX_LEN) throw protocolError(`bad frame length ${len}`, '帧长度错误');
  if (bytes.length !== HEADER_BYTES + len) throw protocolError(`frame length ${bytes.length} does not match LEN ${len}`, '帧长度与 LEN 不符');
  const end = bytes.length - 1;
  if (xorChecksum(bytes, 5, end) !== bytes[end]) throw protocolError('frame checksum mismatch', '帧校验和错误');
  return { body: bytes.subarray(HEADER_BYTES, end), raw: bytes };
}

/** Splits a verified frame into SW1 SW2 SW3 + data. Throws `ProtocolError` when the body is shorter than 3 bytes. */
export function asResponse(frame: Frame): ResponseFrame {
  if (frame.body.length < 3) throw protocolError('response shorter than its status bytes', '应答帧缺少状态字');
  return { ...frame, sw1: frame.body[0]!, sw2: frame.body[1]!, sw3: frame.body[2]!, data: frame.body.subarray(3) };
}

/** Splits a verified frame into CMD PARA + data. Throws `ProtocolError` when the body is shorter than 2 bytes. */
export function asRequest(frame: Frame): RequestFrame {
  if (frame.body.length < 2) throw protocolError('request shorter than CMD PARA', '请求帧缺少命令字');
  return { ...frame, cmd: frame.body[0]!, para: frame.body[1]!, data: frame.body.subarray(2) };
}

/** Makes a `ProtocolError` DeviceError (framing level, no SW3). */
export function protocolError(message: string, messageZh: string): DeviceError {
  return new DeviceError('ProtocolError', message, { messageZh });
}

/** Formats bytes as upper-case hex pairs separated by spaces (for docs and tests). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** Parses "AA AA 96" style hex (spaces optional). Throws a RangeError on odd length or bad digits. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new RangeError('bad hex string');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
