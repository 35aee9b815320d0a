import type { CardType } from '../../common/contract/schemas';

/** Gender codes of GB/T 2261.1 as they appear on the card. */
export type GenderCode = '0' | '1' | '2' | '9';

/**
 * One decoded card, exactly the JSON object `kioskctl idcard read --json`
 * prints (issue 3). Contains personal data: never log it.
 */
export interface IdCardData {
  cardType: CardType;
  /** Chinese name ("" on a foreigner's card without one). */
  name: string;
  /** English name on I and Y cards, else null. */
  englishName: string | null;
  gender: GenderCode;
  /** Chinese label: 未知 / 男 / 女 / 未说明. */
  genderLabel: string;
  /** Two-digit GB 3304 code on resident cards, else null. */
  nation: string | null;
  /** Nation name without "族" (e.g. "汉"), null when `nation` is null or unknown. */
  nationLabel: string | null;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Address on resident and J cards, else null. */
  address: string | null;
  /** ID number (resident, J, Y: 18 characters; I: 15). */
  idNumber: string;
  /** GB 11643 check for 18-character numbers; a format check for the 15-character I card number. */
  idNumberValid: boolean;
  /** Issuing authority on resident and J cards, else null. */
  issuer: string | null;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD or "long-term" (长期). */
  validTo: string;
  /** True when `validTo` is before today's local date (the last day is still valid). */
  expired: boolean;
  /** J only: Hong Kong/Macao/Taiwan pass number, else null. */
  passNumber: string | null;
  /** J only: issue count as printed (two digits), else null. */
  issueCount: string | null;
  /** I and Y only: GB/T 2659 three-letter nationality code, else null. */
  nationality: string | null;
  /** Photo as opaque WLT bytes, base64. */
  photoWlt: string;
  /** Fingerprint data, base64, or null when not requested or not on the card. */
  fingerprint: string | null;
}
