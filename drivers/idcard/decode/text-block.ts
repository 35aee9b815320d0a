import { isValidIdNumber } from '../../../common/domain/id-number';
import { DeviceError } from '../../base/errors';
import type { IdCardData } from '../types';
import { cardDate, isExpired, validToDate } from './dates';
import { GENDER_LABELS, isGenderCode } from './gender';
import { CARD_TYPE_BY_CHAR, CARD_TYPE_SPAN, FOREIGN_2017_LAYOUT, FOREIGN_2023_LAYOUT, RESIDENT_LAYOUT, TEXT_BLOCK_BYTES, type FieldSpan } from './layout';
import { nationLabel } from './nations';
import { decodeUcs2 } from './ucs2';

/** The text fields of a card: {@link IdCardData} without photo and fingerprint. */
export type IdCardText = Omit<IdCardData, 'photoWlt' | 'fingerprint'>;

/**
 * Decodes the 256-byte text block of any of the four card types. `now` is
 * the clock used for `expired`. Throws an `InvalidData` DeviceError for a
 * block of the wrong size, an unknown card type, a bad gender code or a date
 * that is not a date; a bad ID check digit is reported in `idNumberValid`,
 * never thrown.
 */
export function decodeTextBlock(block: Uint8Array, now: Date): IdCardText {
  if (block.length !== TEXT_BLOCK_BYTES) throw invalid(`text block is ${block.length} bytes, expected ${TEXT_BLOCK_BYTES}`, '证件文字信息长度错误');
  const typeChar = String.fromCharCode(block[CARD_TYPE_SPAN.offset]! | (block[CARD_TYPE_SPAN.offset + 1]! << 8));
  const cardType = CARD_TYPE_BY_CHAR[typeChar];
  if (!cardType) throw invalid('unknown card type character', '无法识别的证件类型');
  const f = (span: FieldSpan) => decodeUcs2(block.subarray(span.offset, span.offset + span.bytes));
  if (cardType === 'foreign-permanent-2017') {
    const L = FOREIGN_2017_LAYOUT;
    const idNumber = f(L.idNumber);
    return finish({
      cardType, name: f(L.name), englishName: f(L.englishName), gender: f(L.gender), nation: null, birthDate: f(L.birthDate),
      address: null, idNumber, idNumberValid: /^[A-Z]{3}\d{12}$/.test(idNumber), issuer: null, validFrom: f(L.validFrom), validTo: f(L.validTo),
      passNumber: null, issueCount: null, nationality: f(L.nationality),
    }, now);
  }
  if (cardType === 'foreign-permanent-2023') {
    const L = FOREIGN_2023_LAYOUT;
    const english = new Uint8Array(L.englishName1.bytes + L.englishName2.bytes);
    english.set(block.subarray(L.englishName1.offset, L.englishName1.offset + L.englishName1.bytes), 0);
    english.set(block.subarray(L.englishName2.offset, L.englishName2.offset + L.englishName2.bytes), L.englishName1.bytes);
    const idNumber = f(L.idNumber);
    return finish({
      cardType, name: f(L.name), englishName: decodeUcs2(english), gender: f(L.gender), nation: null, birthDate: f(L.birthDate),
      address: null, idNumber, idNumberValid: isValidIdNumber(idNumber), issuer: null, validFrom: f(L.validFrom), validTo: f(L.validTo),
      passNumber: null, issueCount: null, nationality: f(L.nationality),
    }, now);
  }
  const L = RESIDENT_LAYOUT;
  const isJ = cardType === 'hmt-residence-permit';
  const idNumber = f(L.idNumber);
  return finish({
    cardType, name: f(L.name), englishName: null, gender: f(L.gender), nation: isJ ? null : f(L.nation), birthDate: f(L.birthDate),
    address: f(L.address), idNumber, idNumberValid: isValidIdNumber(idNumber), issuer: f(L.issuer), validFrom: f(L.validFrom), validTo: f(L.validTo),
    passNumber: isJ ? f(L.passNumber) : null, issueCount: isJ ? f(L.issueCount) : null, nationality: null,
  }, now);
}

type RawText = Omit<IdCardText, 'gender' | 'genderLabel' | 'nationLabel' | 'expired'> & { gender: string };

function finish(raw: RawText, now: Date): IdCardText {
  if (!isGenderCode(raw.gender)) throw invalid('bad gender code', '性别代码无效');
  const birthDate = cardDate(raw.birthDate, 'birthDate');
  const validFrom = cardDate(raw.validFrom, 'validFrom');
  const validTo = validToDate(raw.validTo);
  return {
    cardType: raw.cardType,
    name: raw.name,
    englishName: raw.englishName,
    gender: raw.gender,
    genderLabel: GENDER_LABELS[raw.gender],
    nation: raw.nation,
    nationLabel: raw.nation === null ? null : nationLabel(raw.nation),
    birthDate,
    address: raw.address,
    idNumber: raw.idNumber,
    idNumberValid: raw.idNumberValid,
    issuer: raw.issuer,
    validFrom,
    validTo,
    expired: isExpired(validTo, now),
    passNumber: raw.passNumber,
    issueCount: raw.issueCount,
    nationality: raw.nationality,
  };
}

function invalid(message: string, messageZh: string): DeviceError {
  return new DeviceError('InvalidData', message, { messageZh });
}
