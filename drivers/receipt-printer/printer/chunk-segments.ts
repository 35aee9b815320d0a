import { concatBytes } from '../escpos/commands';

/**
 * Groups whole-command segments into writes of at most `maxBytes` bytes so
 * status checks fall between commands, never inside one. A segment larger
 * than `maxBytes` goes out as one write on its own.
 */
export function chunkSegments(segments: readonly Uint8Array[], maxBytes: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  for (const s of segments) {
    if (size > 0 && size + s.length > maxBytes) {
      chunks.push(concatBytes(group));
      group = [];
      size = 0;
    }
    group.push(s);
    size += s.length;
  }
  if (size > 0) chunks.push(concatBytes(group));
  return chunks;
}
