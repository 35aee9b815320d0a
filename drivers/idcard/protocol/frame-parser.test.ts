import { describe, expect, it } from 'vitest';
import { buildRequest, buildResponse, toHex, type Frame } from './frame';
import { FrameParser, type FrameParserError } from './frame-parser';

function collect() {
  const frames: Frame[] = [];
  const errors: FrameParserError[] = [];
  const parser = new FrameParser({ onFrame: (f) => frames.push(f), onError: (e) => errors.push(e) });
  return { parser, frames, errors };
}

function readReply(): Uint8Array {
  const data = new Uint8Array(4 + 256 + 1024);
  data.set([0x01, 0x00, 0x04, 0x00], 0);
  for (let i = 4; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
  // Put a preamble look-alike inside the payload: the parser must not resync inside a frame it is completing.
  data.set([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03], 300);
  return buildResponse(0x90, data);
}

describe('FrameParser', () => {
  const reply = readReply();

  it('the reply under test is 1295 bytes', () => expect(reply.length).toBe(1295));

  it('assembles the 1295-byte read reply split at every point', () => {
    for (let cut = 1; cut < reply.length; cut++) {
      const { parser, frames, errors } = collect();
      parser.push(reply.subarray(0, cut));
      parser.push(reply.subarray(cut));
      // Plain checks: 1294 deep-equality diffs of 1295-byte arrays would dominate the run time.
      if (frames.length !== 1 || errors.length !== 0 || !Buffer.from(frames[0]!.raw).equals(Buffer.from(reply))) {
        expect.fail(`split at ${cut}: ${frames.length} frames, ${errors.length} errors`);
      }
    }
  });

  it('assembles byte-by-byte and in 64-byte USB-serial pieces', () => {
    for (const size of [1, 64]) {
      const { parser, frames } = collect();
      for (let i = 0; i < reply.length; i += size) parser.push(reply.subarray(i, i + size));
      expect(frames.map((f) => f.raw.length)).toEqual([1295]);
    }
  });

  it('emits back-to-back frames in order from one chunk', () => {
    const a = buildResponse(0x9f, new Uint8Array(4));
    const b = buildResponse(0x90, new Uint8Array(8));
    const { parser, frames } = collect();
    parser.push(Uint8Array.from([...a, ...b, ...reply]));
    expect(frames.map((f) => f.raw.length)).toEqual([15, 19, 1295]);
  });

  it('skips line noise, including partial preambles, before a frame', () => {
    const { parser, frames, errors } = collect();
    parser.push(Uint8Array.from([0x00, 0xff, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x00, 0xaa, 0xaa]));
    parser.push(buildRequest(0x20, 0x01));
    expect(frames.length).toBe(1);
    expect(toHex(frames[0]!.raw)).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(errors).toEqual([]);
    expect(parser.buffered).toBe(0);
  });

  it('reports a bad checksum and recovers on the next frame', () => {
    const bad = buildResponse(0x90).slice();
    bad[bad.length - 1]! ^= 1;
    const { parser, frames, errors } = collect();
    parser.push(bad);
    parser.push(buildResponse(0x80));
    expect(errors.map((e) => e.kind)).toEqual(['checksum']);
    expect(errors[0]!.error.kind).toBe('ProtocolError');
    expect(frames.map((f) => f.body[2])).toEqual([0x80]);
  });

  it('finds a real frame hidden behind a false preamble with a plausible LEN', () => {
    const { parser, frames, errors } = collect();
    // False preamble claiming 20 bytes; the real frame starts inside that span.
    parser.push(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x14, ...buildResponse(0x80), ...new Uint8Array(12)]));
    expect(frames.map((f) => f.body[2])).toEqual([0x80]);
    expect(errors.map((e) => e.kind)).toEqual(['checksum']);
  });

  it('rejects an absurd LEN at once instead of waiting for 64 KiB', () => {
    const { parser, frames, errors } = collect();
    parser.push(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff]));
    parser.push(buildResponse(0x90));
    expect(errors.map((e) => e.kind)).toEqual(['length']);
    expect(frames.length).toBe(1);
  });

  it('reset() drops a half-received frame', () => {
    const { parser, frames } = collect();
    parser.push(reply.subarray(0, 100));
    parser.reset();
    parser.push(buildResponse(0x80));
    expect(frames.map((f) => f.raw.length)).toEqual([11]);
  });
});
