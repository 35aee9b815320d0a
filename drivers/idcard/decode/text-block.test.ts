import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../base/errors';
import { loadSimCard, SAMPLE_CARDS, EDGE_CASE_CARDS } from '../sim/load-card';
import { encodeTextBlock } from '../sim/encode-card';
import { isExpired } from './dates';
import { NATIONS } from './nations';
import { decodeTextBlock } from './text-block';

const NOW = new Date(2026, 5, 1, 12, 0, 0);

/** A resident block built by hand from the HARDWARE.md offsets, independent of the simulator's encoder. */
function handBuiltResident(): Uint8Array {
  const block = new Uint8Array(Buffer.from(' '.repeat(128), 'utf16le'));
  const put = (offset: number, text: string) => block.set(Buffer.from(text, 'utf16le'), offset);
  put(0, '张小红');
  put(30, '2');
  put(32, '05');
  put(36, '19900307');
  put(52, '新疆维吾尔自治区乌鲁木齐市示例路1号');
  put(122, '650102199003070024');
  put(158, '乌鲁木齐市公安局');
  put(188, '20100101');
  put(204, '长期');
  block.fill(0, 216, 220); // NUL padding after 长期 must be trimmed too
  return block;
}

describe('decodeTextBlock', () => {
  it('decodes a hand-built resident block (offsets from HARDWARE.md)', () => {
    const d = decodeTextBlock(handBuiltResident(), NOW);
    expect(d).toMatchObject({
      cardType: 'resident', name: '张小红', gender: '2', genderLabel: '女', nation: '05', nationLabel: '维吾尔',
      birthDate: '1990-03-07', address: '新疆维吾尔自治区乌鲁木齐市示例路1号', idNumber: '650102199003070024', issuer: '乌鲁木齐市公安局',
      validFrom: '2010-01-01', validTo: 'long-term', expired: false, englishName: null, passNumber: null, issueCount: null, nationality: null,
    });
  });

  it('decodes the resident sample', () => {
    const d = decodeTextBlock(encodeTextBlock(loadSimCard(SAMPLE_CARDS.resident)), NOW);
    expect(d).toEqual({
      cardType: 'resident', name: '李晓明', englishName: null, gender: '1', genderLabel: '男', nation: '01', nationLabel: '汉',
      birthDate: '1985-04-12', address: '北京市东城区示例街道幸福里12号', idNumber: '110101198504121230', idNumberValid: true,
      issuer: '北京市公安局东城分局', validFrom: '2015-06-01', validTo: '2035-06-01', expired: false, passNumber: null, issueCount: null, nationality: null,
    });
  });

  it('decodes a J card: pass number and issue count, no nation', () => {
    const block = encodeTextBlock(loadSimCard(SAMPLE_CARDS.hmt));
    expect(String.fromCharCode(block[248]!)).toBe('J');
    const d = decodeTextBlock(block, NOW);
    expect(d).toMatchObject({ cardType: 'hmt-residence-permit', name: '陈嘉欣', nation: null, nationLabel: null, passNumber: 'H12345678', issueCount: '01', idNumberValid: true, address: '广东省深圳市南山区示例花园5栋1201' });
  });

  it('decodes an I card (2017): English name, 15-character number, nationality', () => {
    const d = decodeTextBlock(encodeTextBlock(loadSimCard(SAMPLE_CARDS.foreign2017)), NOW);
    expect(d).toMatchObject({ cardType: 'foreign-permanent-2017', englishName: 'SMITH, JOHN MICHAEL', name: '史密斯', idNumber: 'USA110085081012', idNumberValid: true, nationality: 'USA', birthDate: '1985-08-10', address: null, issuer: null, nation: null });
  });

  it('decodes a Y card (2023): English name continued into part 2', () => {
    const d = decodeTextBlock(encodeTextBlock(loadSimCard(SAMPLE_CARDS.foreign2023)), NOW);
    expect(d).toMatchObject({ cardType: 'foreign-permanent-2023', name: '玛丽亚', englishName: 'GARCIA LOPEZ, MARIA FERNANDA ELENA ISABEL', idNumber: '933724199003150022', idNumberValid: true, nationality: 'ESP', validTo: '2033-11-30' });
  });

  it('reports a bad check digit instead of accepting it', () => {
    const d = decodeTextBlock(encodeTextBlock(loadSimCard(EDGE_CASE_CARDS.badCheckDigit)), NOW);
    expect(d.idNumber).toBe('320502197012032215');
    expect(d.idNumberValid).toBe(false);
  });

  it('flags an expired card against the injected clock', () => {
    const block = encodeTextBlock(loadSimCard(EDGE_CASE_CARDS.expired));
    expect(decodeTextBlock(block, NOW).expired).toBe(true);
    expect(decodeTextBlock(block, new Date(2020, 0, 5, 23, 59)).expired).toBe(false);
    expect(decodeTextBlock(block, new Date(2020, 0, 6, 0, 1)).expired).toBe(true);
  });

  it('never flags long-term cards as expired', () => {
    expect(isExpired('long-term', new Date(2999, 0, 1))).toBe(false);
  });

  it('rejects bad content with InvalidData', () => {
    const bad = (mutate: (b: Uint8Array) => void) => {
      const b = handBuiltResident();
      mutate(b);
      try {
        decodeTextBlock(b, NOW);
      } catch (e) {
        return (e as DeviceError).kind;
      }
      return 'accepted';
    };
    expect(bad((b) => b.set(Buffer.from('Q', 'utf16le'), 248))).toBe('InvalidData');
    expect(bad((b) => b.set(Buffer.from('5', 'utf16le'), 30))).toBe('InvalidData');
    expect(bad((b) => b.set(Buffer.from('19900230', 'utf16le'), 36))).toBe('InvalidData');
    expect(() => decodeTextBlock(new Uint8Array(255), NOW)).toThrow(DeviceError);
  });
});

describe('nation table', () => {
  it('has all 56 nations plus 97 and 98', () => {
    const codes = Object.keys(NATIONS);
    expect(codes.length).toBe(58);
    for (let i = 1; i <= 56; i++) expect(NATIONS[String(i).padStart(2, '0')]).toBeTruthy();
    expect(NATIONS['56']).toBe('基诺');
    expect(NATIONS['97']).toBe('其他');
    expect(NATIONS['98']).toBe('外国血统中国籍人士');
  });
});
