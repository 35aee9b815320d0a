import type { GenderCode } from '../idcard/types';

/**
 * The public basic data of one social-security card (社会保障卡), exactly the
 * JSON object `kioskctl sscard read --json` prints. Contains personal data:
 * never log it; mask it on screen and paper.
 */
export interface SsCardData {
  /** 卡号 (EF05 record 07), as printed on the card. */
  cardNumber: string;
  /** 社会保障号码 (EF06 record 08): the holder's citizen ID number. */
  idNumber: string;
  /** GB 11643 check of `idNumber`. */
  idNumberValid: boolean;
  /** 姓名 (EF06 record 09), decoded from GBK, padding trimmed. */
  name: string;
  /** GB/T 2261.1 code (EF06 record 0A). */
  gender: GenderCode;
  /** Chinese label: 未知 / 男 / 女 / 未说明. */
  genderLabel: string;
  /** Two-digit GB 3304 code (EF06 record 0B). */
  nation: string;
  /** Nation name without "族", null when the code is unknown. */
  nationLabel: string | null;
  /** YYYY-MM-DD (EF06 record 0D). */
  birthDate: string;
  /** 出生地 division code, digits only (EF06 record 0C, FF padding dropped); "" when absent. */
  birthPlace: string;
  /** 发卡地区: six-digit division code from the first 3 bytes of the card identifier. */
  issuingRegion: string;
  /** 卡识别码 (EF05 record 01): 16 bytes as 32 upper-case hex digits. */
  cardIdentifier: string;
  /** 发卡日期 YYYY-MM-DD (EF05 record 05). */
  issueDate: string;
  /** 卡有效期 YYYY-MM-DD (EF05 record 06). */
  validTo: string;
  /** True when `validTo` is before today's local date (the last day is still valid). */
  expired: boolean;
}
