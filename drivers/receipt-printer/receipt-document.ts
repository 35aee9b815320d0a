import { z } from 'zod';

/** Which masking rule applies to a personal line (common/domain/masking). */
export type PersonalField = 'name' | 'idNumber';

/** One label/value row of a receipt, e.g. `{ label: '受理编号', value: 'SQ2026...' }`. */
export interface ReceiptLine {
  label: string;
  value: string;
  /** Marks personal data: masked on paper unless the caller asks for `unmasked`. */
  mask?: PersonalField;
}

/**
 * A receipt as the kiosk describes it; the encoder decides the bytes.
 * See docs/receipt-document.md for the layout and an example.
 */
export interface ReceiptDocument {
  /** Printed centred, double size, bold. */
  title: string;
  /** Optional second heading (e.g. the office), centred, normal size. */
  subtitle?: string | null;
  /** Label/value rows, in order. */
  lines: ReceiptLine[];
  /** QR payload (UTF-8, up to 7089 bytes), printed centred; null for none. */
  qr: string | null;
  /** Optional caption printed under the QR code, centred. */
  qrCaption?: string | null;
  /** Small print at the end, centred; may contain `\n`. Null for none. */
  footer: string | null;
}

/** zod schema of {@link ReceiptDocument}, used to validate files (`kioskctl printer receipt --file`). */
export const ReceiptDocumentSchema = z
  .object({
    title: z.string().min(1).max(64),
    subtitle: z.string().max(200).nullable().optional(),
    lines: z
      .array(
        z
          .object({
            label: z.string().max(40),
            value: z.string().max(500),
            mask: z.enum(['name', 'idNumber']).optional(),
          })
          .strict(),
      )
      .max(100),
    qr: z.string().min(1).max(7089).nullable(),
    qrCaption: z.string().max(200).nullable().optional(),
    footer: z.string().max(1000).nullable(),
  })
  .strict();
