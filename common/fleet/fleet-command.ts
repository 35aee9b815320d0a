import { z } from 'zod';

/** Prefix of a signed command document (common/crypto/platform-document.ts). */
export const FLEET_COMMAND_PREFIX = 'KX1';

/** What the platform can ask a terminal to do (docs/sync-protocol.md §3.7). */
export const FleetCommandKindSchema = z.enum(['sync-now', 'upload-logs', 'restart-when-idle', 'take-out-of-service', 'back-into-service']);
export type FleetCommandKind = z.infer<typeof FleetCommandKindSchema>;

/**
 * The signed payload of a command: its id (the idempotency key, 1–64 of
 * `A-Za-z0-9._-`), the terminal it is for, the kind, and its validity (a
 * command is refused from `expiresAt` on).
 */
export const FleetCommandPayloadSchema = z
  .object({
    v: z.literal(1),
    alg: z.string().max(32),
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    deviceId: z.string().min(1).max(64),
    kind: FleetCommandKindSchema,
    issuedAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
  })
  .strict();
export type FleetCommandPayload = z.infer<typeof FleetCommandPayloadSchema>;

/**
 * How a terminal answers a command: `done` (carried out, or accepted to be
 * carried out when idle: `restart-when-idle`), `duplicate` (this id was seen
 * before: nothing done again), `refused` with a reason.
 */
export const CommandAckStatusSchema = z.enum(['done', 'duplicate', 'refused']);
export type CommandAckStatus = z.infer<typeof CommandAckStatusSchema>;

/** Why a terminal refused a command or a configuration. */
export const FleetRefusalSchema = z.enum(['malformed', 'signature-missing', 'signature-invalid', 'invalid', 'other-device', 'expired', 'replayed', 'version-not-newer', 'failed']);
export type FleetRefusal = z.infer<typeof FleetRefusalSchema>;
