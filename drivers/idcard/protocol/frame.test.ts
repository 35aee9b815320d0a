import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../base/errors';
import { COMMANDS } from './commands';
import { asRequest, asResponse, buildRequest, buildResponse, decodeFrame, fromHex, toHex } from './frame';

describe('request frames (HARDWARE.md byte vectors)', () => {
  const vectors: Array<[keyof typeof COMMANDS, string]> = [
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readText', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readAppendedAddress', 'AA AA AA 96 69 00 03 30 03 30'],
    ['readWithFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ];
  it.each(vectors)('%s is %s', (name, hex) => {
    const c = COMMANDS[name];
    expect(toHex(buildRequest(c.cmd, c.para))).toBe(hex);
    const req = asRequest(decodeFrame(fromHex(hex)));
    expect([req.cmd, req.para, req.data.length]).toEqual([c.cmd, c.para, 0]);
  });
});

describe('response frames (HARDWARE.md byte vectors)', () => {
  it('no card: 11-byte failure reply', () => {
    expect(toHex(buildResponse(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    const r = asResponse(decodeFrame(fromHex('AA AA AA 96 69 00 04 00 00 80 84')));
    expect([r.sw1, r.sw2, r.sw3, r.data.length]).toEqual([0, 0, 0x80, 0]);
  });
  it('find OK', () => {
    expect(toHex(buildResponse(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
  });
  it('select OK', () => {
    expect(toHex(buildResponse(0x90, new Uint8Array(8)))).toBe(`AA AA AA 96 69 00 0C 00 00 90 ${'00 '.repeat(8)}9C`);
  });
  it('read reply (30 01) is 1295 bytes with the documented header and offsets', () => {
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00], 0);
    data[4] = 0x11; // first text byte
    data[4 + 256] = 0x22; // first photo byte
    const frame = buildResponse(0x90, data);
    expect(frame.length).toBe(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    expect(frame[14]).toBe(0x11);
    expect(frame[270]).toBe(0x22);
    let x = 0;
    for (let i = 5; i < 1294; i++) x ^= frame[i]!;
    expect(frame[1294]).toBe(x);
  });
  it('keeps SW1 and SW2', () => {
    const r = asResponse(decodeFrame(buildResponse(0x90, new Uint8Array(0), 0x12, 0x34)));
    expect([r.sw1, r.sw2]).toEqual([0x12, 0x34]);
  });
});

describe('decodeFrame rejects damaged frames with ProtocolError', () => {
  const good = fromHex('AA AA AA 96 69 00 04 00 00 80 84');
  const cases: Array<[string, Uint8Array]> = [
    ['truncated', good.subarray(0, 9)],
    ['bad preamble', Uint8Array.from([0xab, ...good.subarray(1)])],
    ['bad checksum', Uint8Array.from([...good.subarray(0, 10), 0x85])],
    ['LEN too small', fromHex('AA AA AA 96 69 00 01 00')],
    ['LEN mismatch', Uint8Array.from([...good, 0x00])],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    let caught: unknown;
    try {
      decodeFrame(bytes);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeviceError);
    expect((caught as DeviceError).kind).toBe('ProtocolError');
  });
});
