import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeQr } from './qr-modules';

/**
 * The renderer's QR matrices (renderer/src/ui/qr-modules.ts: npm `qrcode`'s
 * pure core, one byte-mode segment, level M) checked module by module against
 * `qrcode`'s public API in byte mode, level M, for every mask, and for the
 * mask each one chooses; and the typed refusal beyond version 40-M.
 */
const PAYLOADS = [
  'PAY:pay-3',
  'https://pay.example.gov.cn/unified/pay-12?amt=2000',
  '统一公共支付'.repeat(5),
  'a'.repeat(400),
  'b'.repeat(1000),
];

function reference(text: string, mask?: number) {
  const options: Record<string, unknown> = { errorCorrectionLevel: 'M' };
  if (mask !== undefined) options.maskPattern = mask;
  return QRCode.create([{ data: text, mode: 'byte' }] as never, options as never);
}

describe('renderer QR matrices', () => {
  it.each(PAYLOADS)('matches qrcode for every mask: %s', (text) => {
    for (let mask = 0; mask < 8; mask++) {
      const ref = reference(text, mask);
      const mine = encodeQr(text, mask);
      expect(mine.version).toBe(ref.version);
      const size = ref.modules.size;
      const refRows = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => Boolean(ref.modules.get(y, x))));
      expect(mine.dark).toEqual(refRows);
    }
  });

  it.each(PAYLOADS)('chooses the same mask as qrcode: %s', (text) => {
    expect(encodeQr(text).mask).toBe(reference(text).maskPattern);
  });

  it('refuses a payload beyond version 40-M', () => {
    expect(() => encodeQr('x'.repeat(2400))).toThrow(RangeError);
  });
});
