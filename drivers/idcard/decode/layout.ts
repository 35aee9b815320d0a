import type { CardType } from '../../../common/contract/schemas';

/** Byte offset and length of one field inside the 256-byte text block. */
export interface FieldSpan {
  offset: number;
  bytes: number;
}

/** Size of the text block in bytes. */
export const TEXT_BLOCK_BYTES = 256;

/** Where the card-type character sits (same on every card). */
export const CARD_TYPE_SPAN: FieldSpan = { offset: 248, bytes: 2 };

/** Card-type character → card type (a space, or NUL on some readers, is a resident card). */
export const CARD_TYPE_BY_CHAR: Readonly<Record<string, CardType>> = {
  ' ': 'resident',
  '\u0000': 'resident',
  J: 'hmt-residence-permit',
  I: 'foreign-permanent-2017',
  Y: 'foreign-permanent-2023',
};

/** Card type → the character the encoder writes. */
export const CHAR_BY_CARD_TYPE: Readonly<Record<CardType, string>> = {
  resident: ' ',
  'hmt-residence-permit': 'J',
  'foreign-permanent-2017': 'I',
  'foreign-permanent-2023': 'Y',
};

/** Resident ID card; J cards share it and add pass number and issue count. */
export const RESIDENT_LAYOUT = {
  name: { offset: 0, bytes: 30 },
  gender: { offset: 30, bytes: 2 },
  nation: { offset: 32, bytes: 4 },
  birthDate: { offset: 36, bytes: 16 },
  address: { offset: 52, bytes: 70 },
  idNumber: { offset: 122, bytes: 36 },
  issuer: { offset: 158, bytes: 30 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
  passNumber: { offset: 220, bytes: 18 },
  issueCount: { offset: 238, bytes: 4 },
} as const satisfies Record<string, FieldSpan>;

/** Foreigner's permanent residence card, 2017 (type I). */
export const FOREIGN_2017_LAYOUT = {
  englishName: { offset: 0, bytes: 120 },
  gender: { offset: 120, bytes: 2 },
  idNumber: { offset: 122, bytes: 30 },
  nationality: { offset: 152, bytes: 6 },
  name: { offset: 158, bytes: 30 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
  birthDate: { offset: 220, bytes: 16 },
  cardVersion: { offset: 236, bytes: 4 },
  issuingOffice: { offset: 240, bytes: 8 },
} as const satisfies Record<string, FieldSpan>;

/** Foreigner's permanent residence ID card, 2023 (type Y). The English name continues from part 1 into part 2 (part 2 unverified). */
export const FOREIGN_2023_LAYOUT = {
  name: { offset: 0, bytes: 30 },
  gender: { offset: 30, bytes: 2 },
  renewalCount: { offset: 32, bytes: 4 },
  birthDate: { offset: 36, bytes: 16 },
  englishName1: { offset: 52, bytes: 70 },
  idNumber: { offset: 122, bytes: 36 },
  validFrom: { offset: 188, bytes: 16 },
  validTo: { offset: 204, bytes: 16 },
  englishName2: { offset: 220, bytes: 22 },
  nationality: { offset: 242, bytes: 6 },
  previousCardLink: { offset: 250, bytes: 6 },
} as const satisfies Record<string, FieldSpan>;
