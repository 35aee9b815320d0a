/**
 * The command APDUs of a social-security card (社会保障卡) read, as the
 * MOHRSS card specification lays them out and as public reader code sends them
 * (sources in docs/devices/sscard.md). Only the SSSE application's basic data
 * area is ever selected: never the bank application, never VERIFY (PIN).
 */

/** AID of the SSSE application: ASCII "sx1.sh." followed by GBK "社会保障" (15 bytes). */
export const SSSE_AID = Uint8Array.from([0x73, 0x78, 0x31, 0x2e, 0x73, 0x68, 0x2e, 0xc9, 0xe7, 0xbb, 0xe1, 0xb1, 0xa3, 0xd5, 0xcf]);

/** File id of the card identification file (发卡机构数据文件) under SSSE. */
export const EF05 = 0xef05;
/** File id of the holder's basic information file (持卡人基本信息文件) under SSSE. */
export const EF06 = 0xef06;

/** SELECT by DF name (P1 04, P2 00): `00 A4 04 00 Lc AID`. */
export function selectByAid(aid: Uint8Array): Uint8Array {
  if (aid.length < 1 || aid.length > 16) throw new RangeError('AID must be 1..16 bytes');
  return Uint8Array.from([0x00, 0xa4, 0x04, 0x00, aid.length, ...aid]);
}

/** SELECT an EF under the current DF by file id (P1 02, P2 00): `00 A4 02 00 02 FID`. */
export function selectByFid(fid: number): Uint8Array {
  if (!Number.isInteger(fid) || fid < 0 || fid > 0xffff) throw new RangeError('file id must be 0..FFFF');
  return Uint8Array.from([0x00, 0xa4, 0x02, 0x00, 0x02, fid >> 8, fid & 0xff]);
}

/**
 * READ RECORD by record identifier in the current EF (P2 00: first
 * occurrence of the record whose tag is P1): `00 B2 id 00 Le`. The record
 * comes back as `id len value` (TLV), so Le is the value length plus 2.
 */
export function readRecordById(recordId: number, valueLength: number): Uint8Array {
  if (!Number.isInteger(recordId) || recordId < 1 || recordId > 0xfe) throw new RangeError('record id must be 1..FE');
  if (!Number.isInteger(valueLength) || valueLength < 0 || valueLength > 253) throw new RangeError('value length must be 0..253');
  return Uint8Array.from([0x00, 0xb2, recordId, 0x00, valueLength + 2]);
}

/** How a record's value is written on the card. */
export type RecordEncoding = 'bcd' | 'ascii' | 'gbk' | 'binary';

/** One record of the basic data area: where it lives, its tag, its length in bytes and encoding. */
export interface RecordSpec {
  file: typeof EF05 | typeof EF06;
  id: number;
  length: number;
  encoding: RecordEncoding;
}

/**
 * The records read, in the order they are read (EF05 first, then EF06).
 * Lengths are the specification's (the Le values public readers send are
 * these plus 2).
 */
export const RECORDS = {
  /** 卡识别码: 16 bytes; the first 3 are the issuing region's division code in BCD. */
  cardIdentifier: { file: EF05, id: 0x01, length: 16, encoding: 'binary' },
  /** 发卡日期: YYYYMMDD in BCD. */
  issueDate: { file: EF05, id: 0x05, length: 4, encoding: 'bcd' },
  /** 卡有效期: YYYYMMDD in BCD. */
  validTo: { file: EF05, id: 0x06, length: 4, encoding: 'bcd' },
  /** 卡号: 9 characters. */
  cardNumber: { file: EF05, id: 0x07, length: 9, encoding: 'ascii' },
  /** 社会保障号码 (the ID number): 18 characters. */
  idNumber: { file: EF06, id: 0x08, length: 18, encoding: 'ascii' },
  /** 姓名: 30 bytes GBK, padded. */
  name: { file: EF06, id: 0x09, length: 30, encoding: 'gbk' },
  /** 性别: one character of GB/T 2261.1. */
  gender: { file: EF06, id: 0x0a, length: 1, encoding: 'ascii' },
  /** 民族: GB 3304 code in one BCD byte. */
  nation: { file: EF06, id: 0x0b, length: 1, encoding: 'bcd' },
  /** 出生地: division code in BCD, padded with FF. */
  birthPlace: { file: EF06, id: 0x0c, length: 3, encoding: 'bcd' },
  /** 出生日期: YYYYMMDD in BCD. */
  birthDate: { file: EF06, id: 0x0d, length: 4, encoding: 'bcd' },
} as const satisfies Record<string, RecordSpec>;

/** Name of one record in {@link RECORDS}. */
export type RecordName = keyof typeof RECORDS;
