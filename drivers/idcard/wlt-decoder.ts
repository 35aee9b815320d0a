/**
 * Optional plug-in that turns the card's 1024-byte WLT photo into a BMP
 * (vendors ship licensed decoders: `WltRS.dll`, `libwlt2bmp.so`, typically
 * 102×126 24-bit, 38,862 bytes). None is bundled: the kiosk keeps the WLT
 * opaque and sends it to the platform for face comparison.
 */
export interface WltDecoder {
  /** Short name for logs, e.g. "libwlt2bmp". */
  readonly name: string;
  /** Decodes one WLT photo to BMP bytes. Rejects when the licensed library fails; must never log the photo. */
  decode(wlt: Uint8Array): Promise<Uint8Array>;
}

/**
 * Decodes a base64 WLT photo with `decoder`, or resolves null when no decoder
 * is installed (the default). Rejects only when an installed decoder fails.
 */
export async function decodeWltPhoto(photoWltBase64: string, decoder: WltDecoder | null): Promise<Uint8Array | null> {
  if (!decoder) return null;
  return decoder.decode(new Uint8Array(Buffer.from(photoWltBase64, 'base64')));
}
