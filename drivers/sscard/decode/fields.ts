import iconv from 'iconv-lite';
import { isValidIdNumber } from '../../../common/domain/id-number';
import { cardDate, isExpired } from '../../idcard/decode/dates';
import { GENDER_LABELS, isGenderCode } from '../../idcard/decode/gender';
import { NATIONS } from '../../idcard/decode/nations';
import type { RecordName } from '../apdu/commands';
import { SsCardError } from '../errors';
import type { SsCardData } from '../types';

/** The raw values of every record, by name. */
export type RecordValues = Record<RecordName, Uint8Array>;

/**
 * Decodes the record values into {@link SsCardData}. Rejects
 * `malformed-reply` (naming the field, never its content) when a value does
 * not have its specified form: BCD dates that are not calendar dates, a
 * gender outside GB/T 2261.1, an ID number that is not 18 characters, a
 * card number or name that is empty.
 */
export function decodeRecords(v: RecordValues, now: Date): SsCardData {
  const cardNumber = ascii(v.cardNumber, 'cardNumber');
  const idNumber = ascii(v.idNumber, 'idNumber');
  if (!/^\d{17}[\dXx]$/.test(idNumber)) throw bad('idNumber');
  const name = gbk(v.name);
  if (name === '') throw bad('name');
  const gender = ascii(v.gender, 'gender');
  if (!isGenderCode(gender)) throw bad('gender');
  const nation = bcd(v.nation, 'nation');
  if (!/^\d{2}$/.test(nation)) throw bad('nation');
  if (v.cardIdentifier.length !== 16) throw bad('cardIdentifier');
  const issuingRegion = bcd(v.cardIdentifier.subarray(0, 3), 'issuingRegion');
  if (!/^\d{6}$/.test(issuingRegion)) throw bad('issuingRegion');
  const validTo = bcdDate(v.validTo, 'validTo');
  return {
    cardNumber,
    idNumber: idNumber.toUpperCase(),
    idNumberValid: isValidIdNumber(idNumber),
    name,
    gender,
    genderLabel: GENDER_LABELS[gender],
    nation,
    nationLabel: NATIONS[nation] ?? null,
    birthDate: bcdDate(v.birthDate, 'birthDate'),
    birthPlace: bcd(v.birthPlace, 'birthPlace'),
    issuingRegion,
    cardIdentifier: Buffer.from(v.cardIdentifier).toString('hex').toUpperCase(),
    issueDate: bcdDate(v.issueDate, 'issueDate'),
    validTo,
    expired: isExpired(validTo, now),
  };
}

/** Printable ASCII with NUL, space and FF padding trimmed; rejects other bytes and empty values. */
function ascii(bytes: Uint8Array, field: string): string {
  const text = stripPadding(bytes);
  if (text.length === 0 || text.some((b) => b < 0x21 || b > 0x7e)) throw bad(field);
  return Buffer.from(text).toString('latin1');
}

/** GBK text with NUL, space and FF padding trimmed at the end. */
function gbk(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(stripPadding(bytes)), 'gbk').trim();
}

/** BCD digits; trailing FF bytes (and a trailing F nibble) are padding. Rejects nibbles A–E. */
function bcd(bytes: Uint8Array, field: string): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0xff) end--;
  const digits = Buffer.from(bytes.subarray(0, end)).toString('hex').toUpperCase().replace(/F$/, '');
  if (!/^\d*$/.test(digits)) throw bad(field);
  return digits;
}

/** YYYYMMDD in 4 BCD bytes as YYYY-MM-DD; rejects what is not a calendar date. */
function bcdDate(bytes: Uint8Array, field: string): string {
  try {
    return cardDate(bcd(bytes, field), field);
  } catch {
    throw bad(field);
  }
}

function stripPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x20 || bytes[end - 1] === 0xff)) end--;
  return bytes.subarray(0, end);
}

function bad(field: string): SsCardError {
  return new SsCardError('malformed-reply', `field ${field} does not have its specified form`);
}
