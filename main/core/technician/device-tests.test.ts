import { describe, expect, it } from 'vitest';
import { maskScanPayload, scanPayloadType } from './device-tests';

describe('what the scan test shows of a payload', () => {
  it('names the kind: URL, ID number (valid check digit only), digits, text', () => {
    expect(scanPayloadType('https://zwfw.example.gov.cn/x')).toBe('url');
    expect(scanPayloadType('110101199003070011')).toBe('id-number');
    expect(scanPayloadType('110101199003070015')).toBe('digits');
    expect(scanPayloadType('6901234567892')).toBe('digits');
    expect(scanPayloadType('张三 付款码')).toBe('text');
  });

  it('keeps at most two characters at each end, all stars when short, never longer than 40', () => {
    expect(maskScanPayload('110101199003070015')).toBe('11**************15');
    expect(maskScanPayload('abcdef')).toBe('******');
    expect(maskScanPayload('张三丰李四王五')).toBe('张三***王五');
    const long = maskScanPayload(`https://${'x'.repeat(500)}end`);
    expect(long.length).toBe(40);
    expect(long.startsWith('ht') && long.endsWith('nd')).toBe(true);
  });
});
