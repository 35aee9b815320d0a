import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeRecords, EF05, EF06, RECORDS, readRecordById, readSsCard, recordValue, selectByAid, selectByFid, SSSE_AID, splitResponse, SsCardError, type Exchange, type RecordValues } from '../../drivers/sscard/index';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/**
 * Command vectors as two independent public readers send them (see
 * docs/devices/sscard.md, "Sources"): yxsylyh/hiquotion_cpp
 * Hardware/card/SIDCard/DeCard/SIDCardOperation.cpp (A) and a7082633/HDOS_VC6
 * 新疆焦阳/HD_XJDLL/HD_XJDLL.cpp (B).
 */
describe('command APDUs match the public readers byte for byte', () => {
  it('SELECT SSSE by AID (A, B; also the brief)', () => {
    expect(toHex(selectByAid(SSSE_AID))).toBe('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
    expect(iconv.decode(Buffer.from(SSSE_AID.subarray(7)), 'gbk')).toBe('社会保障');
  });

  it('SELECT EF05 and EF06 by file id (A; B for EF06)', () => {
    expect(toHex(selectByFid(EF05))).toBe('00A4020002EF05');
    expect(toHex(selectByFid(EF06))).toBe('00A4020002EF06');
  });

  it.each([
    ['cardIdentifier', '00B2010012'],
    ['issueDate', '00B2050006'],
    ['validTo', '00B2060006'],
    ['cardNumber', '00B207000B'],
    ['idNumber', '00B2080014'],
    ['name', '00B2090020'],
    ['gender', '00B20A0003'],
    ['nation', '00B20B0003'],
    ['birthPlace', '00B20C0005'],
    ['birthDate', '00B20D0006'],
  ] as const)('READ RECORD %s is %s', (name, expected) => {
    const spec = RECORDS[name];
    expect(toHex(readRecordById(spec.id, spec.length))).toBe(expected);
  });

  it('refuses out-of-range arguments', () => {
    expect(() => selectByAid(new Uint8Array(17))).toThrow(RangeError);
    expect(() => selectByFid(0x10000)).toThrow(RangeError);
    expect(() => readRecordById(0, 4)).toThrow(RangeError);
    expect(() => readRecordById(1, 254)).toThrow(RangeError);
  });
});

describe('response APDUs', () => {
  it('splits data and status word', () => {
    expect(splitResponse(hex('0709 413030303030303031 9000'), 'x')).toEqual({ data: hex('0709413030303030303031'), sw: 0x9000 });
    expect(splitResponse(hex('6A82'), 'x')).toEqual({ data: new Uint8Array(0), sw: 0x6a82 });
  });

  it('a reply without status word is malformed-reply', () => {
    const e = (() => {
      try {
        splitResponse(hex('90'), 'SELECT SSSE');
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(SsCardError);
    expect((e as SsCardError).refusal).toBe('malformed-reply');
  });

  it('takes the value after tag and length, as both readers do (offset 2)', () => {
    expect(toHex(recordValue(hex('0709413030303030303031'), 0x07, 'x'))).toBe('413030303030303031');
  });

  it.each([
    ['wrong tag', '0809413030303030303031'],
    ['length longer than the data', '070A413030303030303031'],
    ['trailing bytes', '07024130FF'],
    ['no length byte', '07'],
  ])('a record with %s is malformed-reply', (_label, bytes) => {
    expect(() => recordValue(hex(bytes), 0x07, 'READ RECORD 07')).toThrow(expect.objectContaining({ refusal: 'malformed-reply' }));
  });
});

/** Record values in the layout the public readers decode: text records as characters, 0B–0D and 05/06 as hex digits, FF padding trimmed from 0C. */
function sampleValues(): RecordValues {
  return {
    cardIdentifier: hex('410100D15600000500A3C3B3E8C1A6C4'),
    issueDate: hex('20200115'),
    validTo: hex('20300115'),
    cardNumber: Buffer.from('A00000001', 'latin1'),
    idNumber: Buffer.from('410102199003070019', 'latin1'),
    name: Uint8Array.from([...iconv.encode('张三', 'gbk'), ...new Array<number>(26).fill(0)]),
    gender: Buffer.from('1', 'latin1'),
    nation: hex('01'),
    birthPlace: hex('4101FF'),
    birthDate: hex('19900307'),
  };
}

describe('decoding the record values', () => {
  const now = new Date('2026-12-08T10:00:00+08:00');

  it('decodes every field', () => {
    expect(decodeRecords(sampleValues(), now)).toEqual({
      cardNumber: 'A00000001',
      idNumber: '410102199003070019',
      idNumberValid: true,
      name: '张三',
      gender: '1',
      genderLabel: '男',
      nation: '01',
      nationLabel: '汉',
      birthDate: '1990-03-07',
      birthPlace: '4101',
      issuingRegion: '410100',
      cardIdentifier: '410100D15600000500A3C3B3E8C1A6C4',
      issueDate: '2020-01-15',
      validTo: '2030-01-15',
      expired: false,
    });
  });

  it('marks a card past its validity as expired (the last day is still valid)', () => {
    expect(decodeRecords({ ...sampleValues(), validTo: hex('20261207') }, now).expired).toBe(true);
    expect(decodeRecords({ ...sampleValues(), validTo: hex('20261208') }, now).expired).toBe(false);
  });

  it('flags a wrong GB 11643 check digit without refusing the card', () => {
    expect(decodeRecords({ ...sampleValues(), idNumber: Buffer.from('410102199003070018', 'latin1') }, now).idNumberValid).toBe(false);
  });

  it.each([
    ['an impossible date', { validTo: hex('20300230') }],
    ['BCD nibbles A–E', { birthDate: hex('1990A307') }],
    ['a gender outside GB/T 2261.1', { gender: Buffer.from('5', 'latin1') }],
    ['an ID number of 17 characters', { idNumber: Buffer.from('41010219900307001', 'latin1') }],
    ['an empty name', { name: new Uint8Array(30) }],
    ['a short card identifier', { cardIdentifier: hex('410100') }],
  ])('refuses %s as malformed-reply', (_label, patch) => {
    expect(() => decodeRecords({ ...sampleValues(), ...patch }, now)).toThrow(expect.objectContaining({ refusal: 'malformed-reply' }));
  });
});

describe('the read sequence', () => {
  /** A scripted card: answers by exact command bytes; records every command. */
  function scripted(answers: Record<string, string>): { exchange: Exchange; sent: string[] } {
    const sent: string[] = [];
    return {
      sent,
      exchange: async (apdu, label) => {
        const key = toHex(apdu);
        sent.push(key);
        return splitResponse(hex(answers[key] ?? '6D00'), label);
      },
    };
  }

  const tlv = (id: number, value: Uint8Array) => toHex(Uint8Array.from([id, value.length, ...value])) + '9000';
  const v = sampleValues();
  const answers: Record<string, string> = {
    '00A404000F7378312E73682EC9E7BBE1B1A3D5CF': '9000',
    '00A4020002EF05': '9000',
    '00A4020002EF06': '9000',
    '00B2010012': tlv(1, v.cardIdentifier),
    '00B2050006': tlv(5, v.issueDate),
    '00B2060006': tlv(6, v.validTo),
    '00B207000B': tlv(7, v.cardNumber),
    '00B2080014': tlv(8, v.idNumber),
    '00B2090020': tlv(9, v.name),
    '00B20A0003': tlv(10, v.gender),
    '00B20B0003': tlv(11, v.nation),
    '00B20C0005': tlv(12, hex('410102')),
    '00B20D0006': tlv(13, v.birthDate),
  };

  it('sends exactly the public readers’ commands, in order, and nothing else (no PIN, no bank application)', async () => {
    const { exchange, sent } = scripted(answers);
    const data = await readSsCard(exchange, new Date('2026-12-08T00:00:00Z'));
    expect(data.birthPlace).toBe('410102');
    expect(sent).toEqual(['00A404000F7378312E73682EC9E7BBE1B1A3D5CF', '00A4020002EF05', '00B2010012', '00B2050006', '00B2060006', '00B207000B', '00A4020002EF06', '00B2080014', '00B2090020', '00B20A0003', '00B20B0003', '00B20C0005', '00B20D0006']);
    expect(sent.some((c) => c.startsWith('0020'))).toBe(false);
  });

  it('a card without SSSE (6A82) is unknown-card', async () => {
    const { exchange } = scripted({ ...answers, '00A404000F7378312E73682EC9E7BBE1B1A3D5CF': '6A82' });
    await expect(readSsCard(exchange, new Date())).rejects.toMatchObject({ refusal: 'unknown-card', sw: 0x6a82, kind: 'InvalidData' });
  });

  it('a record refused with 6982 (security status) is card-refused, naming the status word', async () => {
    const { exchange } = scripted({ ...answers, '00B2080014': '6982' });
    await expect(readSsCard(exchange, new Date())).rejects.toMatchObject({ refusal: 'card-refused', sw: 0x6982, message: expect.stringContaining('SW 6982') });
  });
});
