import { describe, expect, it } from 'vitest';
import { IdCardError } from '../errors';
import { SW3_FAILURE_CODES, SW3_TABLE } from './sw3';

const DOCUMENTED = [0x90, 0x91, 0x9f, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3f, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81];

describe('SW3 table', () => {
  it('covers exactly the codes of HARDWARE.md', () => {
    expect(Object.keys(SW3_TABLE).map(Number).sort((a, b) => a - b)).toEqual([...DOCUMENTED].sort((a, b) => a - b));
  });

  it.each(SW3_FAILURE_CODES.map((c) => [c.toString(16)]))('SW3 %s becomes an IdCardError with both meanings', (hex) => {
    const e = new IdCardError(parseInt(hex, 16));
    expect(e.classCode).toBe(hex.toUpperCase());
    expect(e.message).toMatch(new RegExp(`^SW3 ${hex.toUpperCase()}: \\w`));
    expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('retries 41 and 81 only', () => {
    expect(SW3_FAILURE_CODES.filter((c) => new IdCardError(c).retryable)).toEqual([0x41, 0x81]);
  });

  it('treats 60 and 66 as hardware errors and 80 as no card', () => {
    expect(new IdCardError(0x60).kind).toBe('HardwareError');
    expect(new IdCardError(0x66).kind).toBe('HardwareError');
    expect(new IdCardError(0x80).kind).toBe('NoMedia');
  });

  it('maps an unknown code to a ProtocolError naming it', () => {
    const e = new IdCardError(0x55);
    expect([e.kind, e.classCode]).toEqual(['ProtocolError', '55']);
  });
});
