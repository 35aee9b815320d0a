import { describe, expect, it } from 'vitest';
import { decodeAsb, decodeEot1, decodeEot2, decodeEot4, decodePaperSensor, decodeRealtimeStatus, ReplyFramer, type PrinterReply } from '../index';

describe('DLE EOT replies (HARDWARE.md vectors)', () => {
  it('decodes EOT 1 online 12 / offline 1A', () => {
    expect(decodeEot1(0x12).offline).toBe(false);
    expect(decodeEot1(0x1a).offline).toBe(true);
  });
  it('decodes EOT 2 cover open 16 / paper end 32', () => {
    expect(decodeEot2(0x16)).toMatchObject({ coverOpen: true, paperEndStop: false });
    expect(decodeEot2(0x32)).toMatchObject({ coverOpen: false, paperEndStop: true });
  });
  it('decodes EOT 4 12 ok, 1E near end, 72 out, 7E near end + out', () => {
    expect(decodeEot4(0x12)).toEqual({ nearEnd: false, paperEnd: false });
    expect(decodeEot4(0x1e)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodeEot4(0x72)).toEqual({ nearEnd: false, paperEnd: true });
    expect(decodeEot4(0x7e)).toEqual({ nearEnd: true, paperEnd: true });
  });
  it('combines the four replies into the uniform model', () => {
    expect(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x12])).toEqual({ online: true, paper: 'ok', coverOpen: false, error: null });
    expect(decodeRealtimeStatus([0x1a, 0x32, 0x12, 0x72])).toEqual({ online: false, paper: 'out', coverOpen: false, error: null });
    expect(decodeRealtimeStatus([0x1a, 0x16, 0x12, 0x1e])).toEqual({ online: false, paper: 'near-end', coverOpen: true, error: null });
    expect(decodeRealtimeStatus([0x1a, 0x52, 0x1a, 0x12]).error).toBe('cutter error');
    expect(decodeRealtimeStatus([0x1a, 0x52, 0x32, 0x12]).error).toBe('unrecoverable error');
  });
  it('rejects a byte that fails (b & 0x93) == 0x12', () => {
    expect(() => decodeRealtimeStatus([0x12, 0x12, 0x00, 0x12])).toThrow(RangeError);
    expect(() => decodeRealtimeStatus([0x13, 0x12, 0x12, 0x12])).toThrow(RangeError);
  });
});

describe('automatic status back', () => {
  it('decodes byte 1 offline/cover, byte 2 errors, byte 3 paper (03 near end, 0C end)', () => {
    expect(decodeAsb([0x10, 0x00, 0x00, 0x00])).toEqual({ online: true, paper: 'ok', coverOpen: false, error: null });
    expect(decodeAsb([0x10, 0x00, 0x03, 0x00]).paper).toBe('near-end');
    expect(decodeAsb([0x18, 0x00, 0x0c, 0x00])).toEqual({ online: false, paper: 'out', coverOpen: false, error: null });
    expect(decodeAsb([0x38, 0x00, 0x00, 0x00]).coverOpen).toBe(true);
    expect(decodeAsb([0x18, 0x08, 0x00, 0x00]).error).toBe('cutter error');
    expect(decodeAsb([0x18, 0x04, 0x00, 0x00]).error).toBe('mechanical error');
    expect(() => decodeAsb([0x12, 0, 0, 0])).toThrow(RangeError);
  });
  it('decodes GS r 1 replies', () => {
    expect(decodePaperSensor(0x00)).toBe('ok');
    expect(decodePaperSensor(0x03)).toBe('near-end');
    expect(decodePaperSensor(0x0f)).toBe('out');
  });
});

describe('ReplyFramer', () => {
  const stream = Uint8Array.of(0x10, 0x00, 0x0c, 0x00, 0x12, 0x1a, 0x00, 0x38, 0x00, 0x00, 0x00, 0x72, 0xff);
  const expected: PrinterReply[] = [
    { kind: 'asb', bytes: Uint8Array.of(0x10, 0x00, 0x0c, 0x00) },
    { kind: 'realtime', byte: 0x12 },
    { kind: 'realtime', byte: 0x1a },
    { kind: 'paper-sensor', byte: 0x00 },
    { kind: 'asb', bytes: Uint8Array.of(0x38, 0x00, 0x00, 0x00) },
    { kind: 'realtime', byte: 0x72 },
    { kind: 'unknown', byte: 0xff },
  ];
  for (const size of [1, 2, 3, 5, 13]) {
    it(`frames the same replies from chunks of ${size} byte(s)`, () => {
      const got: PrinterReply[] = [];
      const framer = new ReplyFramer((r) => got.push(r));
      for (let i = 0; i < stream.length; i += size) framer.push(stream.subarray(i, i + size));
      expect(got).toEqual(expected);
    });
  }
});
