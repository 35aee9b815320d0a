import { z } from 'zod';
import { KIOSK_ERROR_CODES, type KioskErrorPayload } from './errors';

/** zod schema of {@link KIOSK_ERROR_CODES}, for hosts that validate with zod. */
export const KioskErrorCodeSchema = z.enum(KIOSK_ERROR_CODES);

/** zod schema of {@link KioskErrorPayload} (same rules as `isKioskErrorPayload`). */
export const KioskErrorPayloadSchema: z.ZodType<KioskErrorPayload> = z.object({
  code: KioskErrorCodeSchema,
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
