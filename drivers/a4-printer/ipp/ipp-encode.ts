import { ValueTag } from './ipp-constants';
import type { IppMessage, IppValue } from './ipp-message';

const utf8 = new TextEncoder();

function valueBytes(v: IppValue): Uint8Array {
  if (v.value === null) return new Uint8Array(0);
  if (v.value instanceof Uint8Array) return v.value;
  if (typeof v.value === 'boolean') return Uint8Array.of(v.value ? 1 : 0);
  if (typeof v.value === 'number') {
    if (v.tag !== ValueTag.integer && v.tag !== ValueTag.enum) throw new TypeError(`number given for value tag 0x${v.tag.toString(16)}`);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v.value);
    return b;
  }
  return utf8.encode(v.value);
}

/**
 * Encodes an IPP message (RFC 8010 §3.1): version, operation/status code,
 * request id, attribute groups, end-of-attributes tag, then `data`.
 * Throws TypeError/RangeError for values that cannot be encoded (a number for
 * a string tag, a name or value longer than 32767 bytes).
 */
export function encodeIppMessage(message: IppMessage): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(8);
  const dv = new DataView(head.buffer);
  head[0] = message.version[0];
  head[1] = message.version[1];
  dv.setUint16(2, message.code);
  dv.setUint32(4, message.requestId);
  parts.push(head);
  const short = (n: number) => {
    if (n > 0x7fff) throw new RangeError('IPP name or value longer than 32767 bytes');
    return Uint8Array.of(n >> 8, n & 0xff);
  };
  for (const group of message.groups) {
    parts.push(Uint8Array.of(group.tag));
    for (const attribute of group.attributes) {
      attribute.values.forEach((v, i) => {
        const name = i === 0 ? utf8.encode(attribute.name) : new Uint8Array(0);
        const value = valueBytes(v);
        parts.push(Uint8Array.of(v.tag), short(name.length), name, short(value.length), value);
      });
    }
  }
  parts.push(Uint8Array.of(0x03), message.data);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
