/**
 * Decodes UCS-2 little-endian text and trims trailing spaces and NULs (and
 * leading spaces). An odd trailing byte is ignored. Never throws.
 */
export function decodeUcs2(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return s.replace(/[\s\u0000]+$/u, '').replace(/^[\s\u0000]+/u, '');
}

/**
 * Encodes `text` as UCS-2LE into exactly `bytes` bytes, padded with spaces
 * (`20 00`). Throws a RangeError when the text does not fit or has characters
 * outside the Basic Multilingual Plane.
 */
export function encodeUcs2Field(text: string, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  if (text.length * 2 > bytes) throw new RangeError(`text of ${text.length} characters does not fit ${bytes} bytes`);
  for (let i = 0; i < bytes / 2; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code >= 0xd800 && code <= 0xdfff) throw new RangeError('characters outside the BMP cannot be encoded as UCS-2');
    out[i * 2] = code & 0xff;
    out[i * 2 + 1] = code >> 8;
  }
  return out;
}
