import { z } from 'zod';
import { KioskLocaleSchema } from '../contract/schemas';

/** Prefix of a signed remote configuration document (common/crypto/platform-document.ts). */
export const REMOTE_CONFIG_PREFIX = 'KC1';

/** A local time `HH:MM` (24 h), in the terminal's time zone. */
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM (24 h)');

/** One opening period: ISO weekdays (1 = Monday … 7 = Sunday) and the hours, `close` after `open`. */
const OpeningPeriodSchema = z
  .object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), open: LocalTime, close: LocalTime })
  .strict()
  .refine((p) => p.open < p.close, { message: 'close must be after open', path: ['close'] })
  .refine((p) => new Set(p.days).size === p.days.length, { message: 'a weekday is named twice', path: ['days'] });

/**
 * What the platform may set on a terminal remotely (docs/sync-protocol.md
 * §3.6). Strict: an unknown key, a value out of range or a missing part
 * refuses the whole configuration.
 *
 * - `services`: catalogue codes offered at this terminal (1–500), null = every item of its region.
 * - `theme`: the partner's name, colour and logo (shown on the attract screen).
 * - `openingHours`: periods of service (null = always); outside them the terminal shows it is closed.
 * - `idleTimeoutSeconds` (15–600) and `countdownSeconds` (5–60): the idle rule of a citizen session.
 * - `languages`: the kiosk languages offered, Simplified Chinese always among them, no repeats.
 * - `voice`: spoken prompts on or off.
 * - `maintenanceWindow`: when an idle terminal may install updates and restart; `end` before `start` crosses midnight.
 */
export const RemoteSettingsSchema = z
  .object({
    services: z.array(z.string().regex(/^[A-Z]{2}\d{8}(-\d{6})?$/, 'a catalogue code such as GG00001001')).min(1).max(500).nullable(),
    theme: z
      .object({
        partner: z.string().min(1).max(100).nullable(),
        primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
        logoUrl: z.string().max(500).regex(/^https:\/\//, 'an https: URL').nullable(),
      })
      .strict(),
    openingHours: z.array(OpeningPeriodSchema).max(14).nullable(),
    idleTimeoutSeconds: z.number().int().min(15).max(600),
    countdownSeconds: z.number().int().min(5).max(60),
    languages: z
      .array(KioskLocaleSchema)
      .min(1)
      .max(4)
      .refine((l) => l.includes('zh-CN'), { message: 'zh-CN must be offered' })
      .refine((l) => new Set(l).size === l.length, { message: 'a language is named twice' }),
    voice: z.boolean(),
    maintenanceWindow: z.object({ start: LocalTime, end: LocalTime }).strict().refine((w) => w.start !== w.end, { message: 'start and end must differ', path: ['end'] }),
  })
  .strict();
export type RemoteSettings = z.infer<typeof RemoteSettingsSchema>;

/** The signed payload: format 1, the platform key's algorithm, the terminal it is for, a version that only grows, when it was issued, the settings. */
export const RemoteConfigPayloadSchema = z
  .object({
    v: z.literal(1),
    alg: z.string().max(32),
    deviceId: z.string().min(1).max(64),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    issuedAt: z.string().datetime(),
    settings: RemoteSettingsSchema,
  })
  .strict();
export type RemoteConfigPayload = z.infer<typeof RemoteConfigPayloadSchema>;
