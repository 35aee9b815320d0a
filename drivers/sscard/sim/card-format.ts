import { z } from 'zod';

/**
 * A simulated social-security card as a JSON file: the public basic data in
 * readable form. The card image (sim/card-image.ts) encodes it into the
 * records of EF05/EF06 the way the specification stores them.
 */
export const SimSsCardSchema = z
  .object({
    /** 卡识别码, 32 hex digits; the first 6 are the issuing region's division code. */
    cardIdentifier: z.string().regex(/^[0-9A-Fa-f]{32}$/),
    cardNumber: z.string().regex(/^[\x21-\x7e]{1,9}$/),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    name: z.string().min(1).max(15),
    gender: z.enum(['0', '1', '2', '9']),
    nation: z.string().regex(/^\d{2}$/),
    birthPlace: z.string().regex(/^\d{0,6}$/),
    /** YYYYMMDD. */
    birthDate: z.string().regex(/^\d{8}$/),
    issueDate: z.string().regex(/^\d{8}$/),
    validTo: z.string().regex(/^\d{8}$/),
    /** False for a card without the SSSE application (any other ISO 7816 card). */
    ssse: z.boolean().default(true),
    /** ATR as hex; default `DEFAULT_ATR` of sim/card-image.ts (T=0). */
    atr: z.string().regex(/^([0-9A-Fa-f]{2})+$/).optional(),
  })
  .strict();

/** A parsed simulated card. */
export type SimSsCard = z.infer<typeof SimSsCardSchema>;
