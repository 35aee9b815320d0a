import { CARD_TYPE_SPAN, CHAR_BY_CARD_TYPE, FOREIGN_2017_LAYOUT, FOREIGN_2023_LAYOUT, RESIDENT_LAYOUT, TEXT_BLOCK_BYTES, type FieldSpan } from '../decode/layout';
import { encodeUcs2Field } from '../decode/ucs2';
import type { SimCard } from './card-format';

/** Photo size the simulator sends when the card file has none. */
export const DEFAULT_PHOTO_BYTES = 1024;

/**
 * Encodes a card's 256-byte UCS-2LE text block, space padded, with the
 * card-type character at offset 248. Throws a RangeError when a field does
 * not fit its span.
 */
export function encodeTextBlock(card: SimCard): Uint8Array {
  const block = encodeUcs2Field('', TEXT_BLOCK_BYTES);
  const put = (span: FieldSpan, text: string) => block.set(encodeUcs2Field(text, span.bytes), span.offset);
  const date = (iso: string) => iso.replaceAll('-', '');
  const until = (v: string) => (v === 'long-term' ? '长期' : date(v));
  put(CARD_TYPE_SPAN, CHAR_BY_CARD_TYPE[card.cardType]);
  switch (card.cardType) {
    case 'resident':
    case 'hmt-residence-permit': {
      const L = RESIDENT_LAYOUT;
      put(L.name, card.name);
      put(L.gender, card.gender);
      if (card.cardType === 'resident') put(L.nation, card.nation);
      put(L.birthDate, date(card.birthDate));
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.issuer, card.issuer);
      put(L.validFrom, date(card.validFrom));
      put(L.validTo, until(card.validTo));
      if (card.cardType === 'hmt-residence-permit') {
        put(L.passNumber, card.passNumber);
        put(L.issueCount, card.issueCount.padStart(2, '0'));
      }
      break;
    }
    case 'foreign-permanent-2017': {
      const L = FOREIGN_2017_LAYOUT;
      put(L.englishName, card.englishName);
      put(L.gender, card.gender);
      put(L.idNumber, card.idNumber);
      put(L.nationality, card.nationality);
      put(L.name, card.name);
      put(L.validFrom, date(card.validFrom));
      put(L.validTo, until(card.validTo));
      put(L.birthDate, date(card.birthDate));
      put(L.cardVersion, card.cardVersion ?? '');
      put(L.issuingOffice, card.issuingOffice ?? '');
      break;
    }
    case 'foreign-permanent-2023': {
      const L = FOREIGN_2023_LAYOUT;
      const part1Chars = L.englishName1.bytes / 2;
      put(L.name, card.name);
      put(L.gender, card.gender);
      put(L.renewalCount, (card.renewalCount ?? '0').padStart(2, '0'));
      put(L.birthDate, date(card.birthDate));
      put(L.englishName1, card.englishName.slice(0, part1Chars));
      put(L.englishName2, card.englishName.slice(part1Chars));
      put(L.idNumber, card.idNumber);
      put(L.validFrom, date(card.validFrom));
      put(L.validTo, until(card.validTo));
      put(L.nationality, card.nationality);
      put(L.previousCardLink, card.previousCardLink ?? '');
      break;
    }
  }
  return block;
}

/** The photo bytes of a card: its `photoWltBase64`, or 1024 filler bytes derived from the ID number. */
export function cardPhoto(card: SimCard): Uint8Array {
  if (card.photoWltBase64 !== undefined) return new Uint8Array(Buffer.from(card.photoWltBase64, 'base64'));
  return filler(`photo:${card.idNumber}`, DEFAULT_PHOTO_BYTES);
}

/** The fingerprint bytes of a card, or null when it has none. */
export function cardFingerprint(card: SimCard): Uint8Array | null {
  return card.fingerprintBytes ? filler(`fp:${card.idNumber}`, card.fingerprintBytes) : null;
}

/** Deterministic pseudo-random bytes (xorshift32 seeded by an FNV-1a hash of `seed`). */
export function filler(seed: string, length: number): Uint8Array {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let x = h || 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
