import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { newWrappedKey, openValue, sealValue, unwrapKey, type SealedValue, type WrappedKey } from '../crypto/public-key-seal';
import type { OutboxQueue } from './outbox-queue';
import type { OutboxKind } from './outbox-rows';

/** Format tag of a hand-over file of rejected items. */
export const ATTENTION_EXPORT_FORMAT = 'gov-kiosk/attention-export/v1';

/**
 * Config key under which the store keeps the platform's public key (PEM), once
 * the terminal has one (enrolment). `queue export` seals to it when no
 * `--to-key` is given.
 */
export const PLATFORM_PUBLIC_KEY_CONFIG_KEY = 'platform.publicKeyPem';

/** One rejected item in a hand-over file: what a technician may read in clear, and its body sealed. */
export interface ExportedItem {
  id: string;
  seq: number;
  kind: OutboxKind;
  reason: string;
  createdAt: string;
  /** Service code (not personal) for transactions and ratings; null for telemetry. */
  service: string | null;
  /** The whole decrypted body (form values: personal), sealed to the recipient, bound to `id`; null when the local row was unreadable. */
  sealedBody: SealedValue | null;
}

/** A hand-over file: rejected items with their personal fields sealed to one public key. */
export interface AttentionExport {
  format: typeof ATTENTION_EXPORT_FORMAT;
  deviceId: string;
  exportedAt: string;
  key: WrappedKey;
  items: ExportedItem[];
}

/**
 * Builds the hand-over document of every item waiting for a technician.
 * Each body is sealed (AES-256-GCM, one random content key per file, bound
 * to the item id); the content key is wrapped for `recipient` (see
 * public-key-seal.ts). Ids, seq, kind, reason, times and service codes stay
 * readable: none of them is personal.
 */
export function buildAttentionExport(outbox: OutboxQueue, deviceId: string, recipient: KeyObject, now: Date): AttentionExport {
  const { contentKey, wrappedKey } = newWrappedKey(recipient);
  const items = outbox.openNeedsAttention().map((i): ExportedItem => {
    const service = i.body && 'service' in i.body ? i.body.service : null;
    return { id: i.id, seq: i.seq, kind: i.kind, reason: i.reason, createdAt: i.createdAt, service, sealedBody: i.body === null ? null : sealValue(contentKey, i.body, i.id) };
  });
  contentKey.fill(0);
  return { format: ATTENTION_EXPORT_FORMAT, deviceId, exportedAt: now.toISOString(), key: wrappedKey, items };
}

const SealedSchema = z.object({ iv: z.string(), tag: z.string(), ciphertext: z.string() });
const ExportSchema = z.object({
  format: z.literal(ATTENTION_EXPORT_FORMAT),
  deviceId: z.string(),
  exportedAt: z.string(),
  key: z.object({
    scheme: z.enum(['rsa-oaep-sha256', 'x25519-hkdf-sha256-aes256gcm']),
    recipientFingerprint: z.string(),
    wrapped: z.string(),
    ephemeralPublicKey: z.string().optional(),
  }),
  items: z.array(
    z.object({ id: z.string(), seq: z.number(), kind: z.enum(['transaction', 'rating', 'telemetry']), reason: z.string(), createdAt: z.string(), service: z.string().nullable(), sealedBody: SealedSchema.nullable() }),
  ),
});

/**
 * The recipient's side (the platform, or a test): validates a hand-over
 * file and opens every body with the private key. Throws when the file is
 * malformed, the key does not fit, or anything was altered.
 */
export function openAttentionExport(json: unknown, privateKey: KeyObject): Array<Omit<ExportedItem, 'sealedBody'> & { body: unknown }> {
  const doc = ExportSchema.parse(json);
  const wrapped: WrappedKey = { scheme: doc.key.scheme, recipientFingerprint: doc.key.recipientFingerprint, wrapped: doc.key.wrapped, ...(doc.key.ephemeralPublicKey ? { ephemeralPublicKey: doc.key.ephemeralPublicKey } : {}) };
  const contentKey = unwrapKey(wrapped, privateKey);
  return doc.items.map(({ sealedBody, ...clear }) => ({ ...clear, body: sealedBody === null ? null : openValue(contentKey, sealedBody, clear.id) }));
}
