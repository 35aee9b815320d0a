import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const validTo = z.union([isoDate, z.literal('long-term')]);
const gender = z.enum(['0', '1', '2', '9']);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** Fields every simulated card may carry besides its text. */
const extras = {
  /** Free text for people reading the file; not on the card. */
  description: z.string().optional(),
  /** Photo bytes (base64). Default: 1024 deterministic filler bytes (not a real WLT image). */
  photoWltBase64: base64.optional(),
  /** Fingerprint data length in bytes (deterministic filler), or null/absent for a card without fingerprints (30 10 answers 91). */
  fingerprintBytes: z.number().int().min(1).max(1024).nullable().optional(),
  /** Appended address (追加住址) returned by 30 03, or null/absent (30 03 answers 91). */
  appendedAddress: z.string().max(35).nullable().optional(),
};

const resident = z.object({
  cardType: z.literal('resident'),
  name: z.string().max(15),
  gender,
  nation: z.string().regex(/^\d{2}$/),
  birthDate: isoDate,
  address: z.string().max(35),
  idNumber: z.string().max(18),
  issuer: z.string().max(15),
  validFrom: isoDate,
  validTo,
  ...extras,
}).strict();

const hmt = z.object({
  cardType: z.literal('hmt-residence-permit'),
  name: z.string().max(15),
  gender,
  birthDate: isoDate,
  address: z.string().max(35),
  idNumber: z.string().max(18),
  issuer: z.string().max(15),
  validFrom: isoDate,
  validTo,
  passNumber: z.string().max(9),
  issueCount: z.string().regex(/^\d{1,2}$/),
  ...extras,
}).strict();

const foreign2017 = z.object({
  cardType: z.literal('foreign-permanent-2017'),
  englishName: z.string().max(60),
  name: z.string().max(15),
  gender,
  idNumber: z.string().max(15),
  nationality: z.string().regex(/^[A-Z]{3}$/),
  birthDate: isoDate,
  validFrom: isoDate,
  validTo,
  cardVersion: z.string().max(2).optional(),
  issuingOffice: z.string().max(4).optional(),
  ...extras,
}).strict();

const foreign2023 = z.object({
  cardType: z.literal('foreign-permanent-2023'),
  name: z.string().max(15),
  englishName: z.string().max(46),
  gender,
  renewalCount: z.string().regex(/^\d{1,2}$/).optional(),
  birthDate: isoDate,
  idNumber: z.string().max(18),
  validFrom: isoDate,
  validTo,
  nationality: z.string().regex(/^[A-Z]{3}$/),
  previousCardLink: z.string().max(3).optional(),
  ...extras,
}).strict();

/**
 * A simulated card as a human-friendly JSON file: fields, not bytes (the
 * simulator encodes the 256-byte text block). Lengths are in characters and
 * match the block layout; dates are YYYY-MM-DD, `validTo` may be "long-term".
 */
export const SimCardSchema = z.discriminatedUnion('cardType', [resident, hmt, foreign2017, foreign2023]);
/** One simulated card (see {@link SimCardSchema}). */
export type SimCard = z.infer<typeof SimCardSchema>;
