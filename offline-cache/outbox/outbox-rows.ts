import { z } from 'zod';

/** Kinds of outbox item; each has its own platform batch endpoint. */
export const OutboxKindSchema = z.enum(['transaction', 'rating', 'telemetry']);
export type OutboxKind = z.infer<typeof OutboxKindSchema>;

/** Delivery state of an outbox item. `rejected` is final and needs a technician. */
export const OutboxStatusSchema = z.enum(['pending', 'in-flight', 'accepted', 'rejected']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** An outbox row as stored (validated on read; a row that fails is set aside). */
export const OutboxRowSchema = z.object({
  id: z.string().min(1),
  seq: z.number().int().positive(),
  kind: OutboxKindSchema,
  status: OutboxStatusSchema,
  payload: z.instanceof(Buffer).nullable(),
  created_at: z.string(),
  attempts: z.number().int().nonnegative(),
});

const PersonSchema = z.object({ name: z.string(), idNumber: z.string().nullable() });

/** Agent, principal and the evidence of consent of an application made for someone else (代办); sealed with the rest of the body. */
export const DelegationRecordSchema = z.object({
  route: z.enum(['card', 'authorisation', 'guardian']),
  relation: z.enum(['spouse', 'child', 'parent', 'other-relative', 'other']),
  agent: PersonSchema,
  principal: PersonSchema,
  consent: z.object({ kind: z.enum(['card-present', 'authorisation', 'guardian-check']), ref: z.string().nullable() }),
});
export type DelegationRecord = z.infer<typeof DelegationRecordSchema>;

/** Decrypted body of a transaction item. */
export const TransactionBodySchema = z.object({
  service: z.string().min(1).max(64),
  createdAt: z.string(),
  data: z.record(z.string(), z.string()),
  /** Present when the application was made by an agent for the principal. */
  delegation: DelegationRecordSchema.optional(),
});

/** Decrypted body of a rating item. */
export const RatingBodySchema = z.object({
  transactionId: z.string().nullable(),
  service: z.string(),
  level: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

/** Decrypted body of a telemetry item. */
export const TelemetryBodySchema = z.object({
  type: z.string().min(1).max(100),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** A claimed item ready to send: wire fields except the ones the engine adds at send time. */
export type ClaimedItem =
  | { kind: 'transaction'; id: string; seq: number; body: z.infer<typeof TransactionBodySchema> }
  | { kind: 'rating'; id: string; seq: number; body: z.infer<typeof RatingBodySchema> }
  | { kind: 'telemetry'; id: string; seq: number; body: z.infer<typeof TelemetryBodySchema> };

/** Per-item platform verdict as applied to the outbox. */
export interface ItemResult {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string | undefined;
}

/** An item the platform rejected permanently (or that could not be read locally); waits for a technician. */
export interface NeedsAttentionItem {
  id: string;
  seq: number;
  kind: OutboxKind;
  reason: string;
  createdAt: string;
}
