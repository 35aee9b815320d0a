import { describe, expect, it } from 'vitest';
import { DeviceError } from '../base/errors';
import { decodePayload, validatePayload } from './payload';

function rejection(fn: () => unknown): DeviceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeviceError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('scanner payload validation', () => {
  it('accepts printable ASCII, CJK and emoji unchanged', () => {
    for (const p of ['A', 'https://zwfw.example.gov.cn/e?c=9F3A', '粤省事一码通 123', '😀x']) expect(validatePayload(p, 2048)).toBe(p);
  });

  it('accepts exactly maxLength characters and rejects one more', () => {
    expect(validatePayload('x'.repeat(2048), 2048)).toHaveLength(2048);
    const e = rejection(() => validatePayload('x'.repeat(2049), 2048));
    expect(e.kind).toBe('InvalidData');
    expect(e.classCode).toBe('too-long');
    expect(e.messageZh).toBe('扫码内容过长');
  });

  it.each([
    ['NUL', '\u0000'],
    ['TAB', '\t'],
    ['GS', '\u001d'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 CSI', '\u009b'],
  ])('rejects a control character (%s) with a typed bilingual error that does not echo the payload', (_name, ch) => {
    const e = rejection(() => validatePayload(`SECRET${ch}CODE`, 2048));
    expect(e.kind).toBe('InvalidData');
    expect(e.classCode).toBe('control-character');
    expect(e.messageZh).toBe('扫码内容含有控制字符');
    expect(e.message).toContain('control character');
    expect(e.message).not.toContain('SECRET');
  });

  it('rejects empty payloads', () => {
    expect(rejection(() => validatePayload('', 10)).classCode).toBe('empty');
  });

  it('decodes UTF-8 and rejects malformed bytes', () => {
    expect(decodePayload(new TextEncoder().encode('社保卡'), 10)).toBe('社保卡');
    expect(rejection(() => decodePayload(Uint8Array.of(0x41, 0xff, 0x42), 10)).classCode).toBe('invalid-utf8');
  });
});
