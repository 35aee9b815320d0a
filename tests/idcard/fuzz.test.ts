import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../drivers/base/errors';
import { decodeTextBlock } from '../../drivers/idcard/decode/text-block';
import { splitReadReply } from '../../drivers/idcard/decode/read-reply';
import { asResponse, buildFrame, decodeFrame } from '../../drivers/idcard/protocol/frame';
import { FrameParser } from '../../drivers/idcard/protocol/frame-parser';
import { joinReadReply } from '../../drivers/idcard/decode/read-reply';
import { cardFingerprint, cardPhoto, encodeTextBlock } from '../../drivers/idcard/sim/encode-card';
import { buildResponse } from '../../drivers/idcard/protocol/frame';
import { loadSimCard, SAMPLE_CARDS, EDGE_CASE_CARDS } from '../../drivers/idcard/sim/load-card';

const ITERATIONS = 100_000;
const NOW = new Date(2026, 0, 1);

/** Small deterministic PRNG so a failure is reproducible. */
function rng(seed: number) {
  let x = seed;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

function validReplies(): Uint8Array[] {
  const paths = [...Object.values(SAMPLE_CARDS), ...Object.values(EDGE_CASE_CARDS)];
  const out: Uint8Array[] = [buildResponse(0x80), buildResponse(0x9f, new Uint8Array(4)), buildResponse(0x90, new Uint8Array(8))];
  for (const p of paths) {
    const card = loadSimCard(p);
    out.push(buildResponse(0x90, joinReadReply({ text: encodeTextBlock(card), photo: cardPhoto(card), fingerprint: null }, false)));
    out.push(buildResponse(0x90, joinReadReply({ text: encodeTextBlock(card), photo: cardPhoto(card), fingerprint: cardFingerprint(card) }, true)));
  }
  return out;
}

type Outcome = 'frame' | 'decoded' | 'typed-error';

/** The full receive path for one candidate frame: framing, then read-reply layout, then the text block. */
function consume(bytes: Uint8Array, withFingerprint: boolean): Outcome {
  try {
    const frame = asResponse(decodeFrame(bytes));
    if (frame.sw3 !== 0x90 || frame.data.length < 260) return 'frame';
    const parts = splitReadReply(frame.data, withFingerprint);
    decodeTextBlock(parts.text, NOW);
    return 'decoded';
  } catch (e) {
    if (e instanceof DeviceError) return 'typed-error';
    throw e;
  }
}

describe('fuzz: random and mutated frames', () => {
  it(`${ITERATIONS} inputs each end in a valid frame or a typed DeviceError`, () => {
    const r = rng(0x1d2c3b4a);
    const seeds = validReplies();
    const counts: Record<Outcome, number> = { frame: 0, decoded: 0, 'typed-error': 0 };
    let streamFrames = 0;
    const stream = new FrameParser({ onFrame: () => streamFrames++, onError: () => undefined });
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = seeds[r(seeds.length)]!;
      let bytes: Uint8Array;
      switch (r(6)) {
        case 0: {
          // Pure random bytes, sometimes behind a preamble.
          bytes = new Uint8Array(r(64)).map(() => r(256));
          if (r(2)) bytes = Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, ...bytes]);
          break;
        }
        case 1: {
          // Flip a few bytes anywhere.
          bytes = seed.slice();
          for (let k = 1 + r(4); k > 0; k--) bytes[r(bytes.length)] = r(256);
          break;
        }
        case 2: {
          // Truncate or extend.
          if (r(2)) bytes = seed.slice(0, r(seed.length));
          else {
            bytes = new Uint8Array(seed.length + 1 + r(8));
            bytes.set(seed, 0);
            for (let k = seed.length; k < bytes.length; k++) bytes[k] = r(256);
          }
          break;
        }
        case 3: {
          // Garbage body with a correct LEN and CHK: exercises the decoders behind the framing.
          const body = seed.slice(7, seed.length - 1);
          for (let k = 1 + r(16); k > 0; k--) body[r(body.length)] = r(256);
          bytes = buildFrame(body);
          break;
        }
        case 4: {
          // Corrupt the length fields of a read reply, checksum kept valid.
          const body = seed.slice(7, seed.length - 1);
          if (body.length > 9) {
            body[3 + r(6)] = r(256);
          }
          bytes = buildFrame(body);
          break;
        }
        default: {
          // Change LEN only.
          bytes = seed.slice();
          bytes[5] = r(256);
          bytes[6] = r(256);
        }
      }
      counts[consume(bytes, r(2) === 1)]++;
      stream.push(bytes);
    }
    expect(counts.frame + counts.decoded + counts['typed-error']).toBe(ITERATIONS);
    // The mutations must really reach every layer, or this test proves nothing.
    expect(counts.decoded).toBeGreaterThan(1000);
    expect(counts['typed-error']).toBeGreaterThan(10_000);
    expect(streamFrames).toBeGreaterThan(1000);
  });
});
