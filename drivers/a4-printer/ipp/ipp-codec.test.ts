import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../base/errors';
import { decodeIppMessage } from './ipp-decode';
import { encodeIppMessage } from './ipp-encode';
import { attr, findAttribute, numberValue, stringValues } from './ipp-message';

/** Concatenates hex strings ("02 00") and quoted ASCII ('"utf-8"') into bytes. */
function bytes(...parts: string[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (p.startsWith('"')) out.push(...new TextEncoder().encode(p.slice(1, -1)));
    else out.push(...p.split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16)));
  }
  return Uint8Array.from(out);
}

const GET_PRINTER_ATTRIBUTES = bytes(
  '02 00 00 0b 00 00 00 01',
  '01',
  '47 00 12', '"attributes-charset"', '00 05', '"utf-8"',
  '48 00 1b', '"attributes-natural-language"', '00 02', '"en"',
  '45 00 0b', '"printer-uri"', '00 25', '"ipp://localhost:631/printers/KioskPDF"',
  '44 00 14', '"requested-attributes"', '00 0d', '"printer-state"',
  '44 00 00 00 15', '"printer-state-reasons"',
  '03',
);

const STOPPED_PRINTER_RESPONSE = bytes(
  '02 00 00 00 00 00 00 07',
  '01',
  '47 00 12', '"attributes-charset"', '00 05', '"utf-8"',
  '04',
  '23 00 0d', '"printer-state"', '00 04 00 00 00 05',
  '44 00 15', '"printer-state-reasons"', '00 06', '"paused"',
  '44 00 00 00 11', '"media-empty-error"',
  '22 00 19', '"printer-is-accepting-jobs"', '00 01 01',
  '13 00 0f', '"printer-message"', '00 00',
  '03',
);

describe('IPP encoding (RFC 8010)', () => {
  it('encodes a Get-Printer-Attributes request byte for byte, with an additional value', () => {
    const encoded = encodeIppMessage({
      version: [2, 0],
      code: 0x000b,
      requestId: 1,
      groups: [
        {
          tag: 0x01,
          attributes: [
            attr('attributes-charset', 0x47, 'utf-8'),
            attr('attributes-natural-language', 0x48, 'en'),
            attr('printer-uri', 0x45, 'ipp://localhost:631/printers/KioskPDF'),
            attr('requested-attributes', 0x44, 'printer-state', 'printer-state-reasons'),
          ],
        },
      ],
      data: new Uint8Array(0),
    });
    expect([...encoded]).toEqual([...GET_PRINTER_ATTRIBUTES]);
  });

  it('encodes integers as 4-byte signed big-endian, booleans as one byte, and appends document data', () => {
    const encoded = encodeIppMessage({
      version: [1, 1],
      code: 0x0009,
      requestId: 0x01020304,
      groups: [{ tag: 0x01, attributes: [attr('job-id', 0x21, 258), attr('x', 0x22, true), attr('n', 0x21, -1)] }],
      data: Uint8Array.of(0x25, 0x50),
    });
    expect([...encoded]).toEqual([
      ...bytes('01 01 00 09 01 02 03 04 01'),
      ...bytes('21 00 06', '"job-id"', '00 04 00 00 01 02'),
      ...bytes('22 00 01', '"x"', '00 01 01'),
      ...bytes('21 00 01', '"n"', '00 04 ff ff ff ff'),
      ...bytes('03 25 50'),
    ]);
  });

  it('refuses a number for a string tag', () => {
    expect(() => encodeIppMessage({ version: [2, 0], code: 2, requestId: 1, groups: [{ tag: 1, attributes: [attr('job-name', 0x42, 5)] }], data: new Uint8Array(0) })).toThrow(TypeError);
  });
});

describe('IPP decoding', () => {
  it('decodes a stopped-printer response: enum, multi-valued keyword, boolean, out-of-band', () => {
    const m = decodeIppMessage(STOPPED_PRINTER_RESPONSE);
    expect(m.version).toEqual([2, 0]);
    expect(m.code).toBe(0);
    expect(m.requestId).toBe(7);
    expect(numberValue(m, 'printer-state', 0x04)).toBe(5);
    expect(stringValues(m, 'printer-state-reasons', 0x04)).toEqual(['paused', 'media-empty-error']);
    expect(findAttribute(m, 'printer-is-accepting-jobs')?.values[0]?.value).toBe(true);
    expect(findAttribute(m, 'printer-message')?.values[0]).toEqual({ tag: 0x13, value: null });
    expect(findAttribute(m, 'printer-state', 0x01)).toBeUndefined();
  });

  it('round-trips a request with document data', () => {
    const m = decodeIppMessage(GET_PRINTER_ATTRIBUTES);
    expect(stringValues(m, 'requested-attributes')).toEqual(['printer-state', 'printer-state-reasons']);
    expect([...encodeIppMessage(m)]).toEqual([...GET_PRINTER_ATTRIBUTES]);
  });

  it('throws ProtocolError (never reads past the end) for every truncation of a valid message', () => {
    for (let n = 0; n < STOPPED_PRINTER_RESPONSE.length; n++) {
      let error: unknown = null;
      try {
        decodeIppMessage(STOPPED_PRINTER_RESPONSE.subarray(0, n));
      } catch (e) {
        error = e;
      }
      expect(error, `truncated to ${n} bytes`).toBeInstanceOf(DeviceError);
      expect((error as DeviceError).kind).toBe('ProtocolError');
    }
  });

  it('rejects a value before any group and a bad integer length', () => {
    expect(() => decodeIppMessage(bytes('02 00 00 00 00 00 00 01 21 00 01 "x" 00 04 00 00 00 01 03'))).toThrow(/before any group/);
    expect(() => decodeIppMessage(bytes('02 00 00 00 00 00 00 01 01 21 00 01', '"x"', '00 02 00 01 03'))).toThrow(/integer of 2 bytes/);
  });
});
