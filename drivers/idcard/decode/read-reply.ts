import { DeviceError } from '../../base/errors';

/** The parts of a 30 01 / 30 10 read reply, as raw bytes. */
export interface ReadReplyParts {
  text: Uint8Array;
  photo: Uint8Array;
  /** Null for a 30 01 reply or a fingerprint length of 0. */
  fingerprint: Uint8Array | null;
}

/**
 * Splits the data of a successful read reply (bytes after SW3). A 30 01
 * reply has two big-endian length fields (text, photo); a 30 10 reply has
 * three (text, photo, fingerprint). The lengths are honoured, never assumed.
 * Throws an `InvalidData` DeviceError when the lengths do not add up to the
 * data received.
 */
export function splitReadReply(data: Uint8Array, withFingerprint: boolean): ReadReplyParts {
  const fields = withFingerprint ? 3 : 2;
  if (data.length < fields * 2) throw invalid('read reply shorter than its length fields');
  const lens: number[] = [];
  for (let i = 0; i < fields; i++) lens.push((data[i * 2]! << 8) | data[i * 2 + 1]!);
  const [textLen = 0, photoLen = 0, fpLen = 0] = lens;
  const start = fields * 2;
  if (start + textLen + photoLen + fpLen !== data.length) {
    throw invalid(`read reply lengths (${lens.join('+')}) do not match ${data.length - start} data bytes`);
  }
  const text = data.slice(start, start + textLen);
  const photo = data.slice(start + textLen, start + textLen + photoLen);
  const fingerprint = withFingerprint && fpLen > 0 ? data.slice(start + textLen + photoLen) : null;
  return { text, photo, fingerprint };
}

/**
 * Builds the data of a read reply (inverse of {@link splitReadReply}); used by
 * the simulator. Throws a RangeError when a part exceeds 65535 bytes.
 */
export function joinReadReply(parts: ReadReplyParts, withFingerprint: boolean): Uint8Array {
  const pieces = withFingerprint ? [parts.text, parts.photo, parts.fingerprint ?? new Uint8Array(0)] : [parts.text, parts.photo];
  const head = new Uint8Array(pieces.length * 2);
  pieces.forEach((p, i) => {
    if (p.length > 0xffff) throw new RangeError('read reply part too long');
    head[i * 2] = p.length >> 8;
    head[i * 2 + 1] = p.length & 0xff;
  });
  const out = new Uint8Array(head.length + pieces.reduce((n, p) => n + p.length, 0));
  out.set(head, 0);
  let at = head.length;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function invalid(message: string): DeviceError {
  return new DeviceError('InvalidData', message, { messageZh: '读卡应答长度字段错误' });
}
