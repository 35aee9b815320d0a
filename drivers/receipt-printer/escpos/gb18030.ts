import iconv from 'iconv-lite';

/** Encodes text as GB18030 bytes (every Unicode character has an encoding). */
export function encodeGb18030(text: string): Uint8Array {
  const buf = iconv.encode(text, 'gb18030');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Decodes GB18030 bytes; undecodable bytes become U+FFFD. */
export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

/**
 * True when `text` holds a character whose GB18030 form is 4 bytes (CJK
 * extension B and later, some extension A characters): many printers sold
 * in China print only the 1- and 2-byte part, so such a line is rasterised.
 */
export function needsRaster(text: string): boolean {
  for (const ch of text) {
    if (ch.codePointAt(0)! < 0x80) continue;
    if (encodeGb18030(ch).length > 2) return true;
  }
  return false;
}
