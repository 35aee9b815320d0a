import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { buildAttentionExport, parseRecipientKey, PLATFORM_PUBLIC_KEY_CONFIG_KEY, publicKeyFingerprint, type KioskStore, type NeedsAttentionItem } from '../../../offline-cache/index';

/** Outcome of {@link retryAttentionItem}: `retried` with the item as it was, or why not. */
export type AttentionRetry = { outcome: 'retried'; item: NeedsAttentionItem | null } | { outcome: 'not-found' | 'unreadable' };

/**
 * Puts one item needing attention back in the queue (same id: the platform
 * dedupes) and audits it as `auditType` with the id, kind, seq and previous
 * reason. Used by `kioskctl queue retry` and `technician.retryAttention`.
 * `not-found` and `unreadable` change nothing and are not audited.
 */
export function retryAttentionItem(store: KioskStore, id: string, auditType: string, auditExtra: Record<string, unknown> = {}): AttentionRetry {
  const item = store.outbox.needsAttention(10_000).find((i) => i.id === id) ?? null;
  const outcome = store.outbox.retry(id);
  if (outcome !== 'retried') return { outcome };
  store.audit.append(auditType, { ...auditExtra, id, kind: item?.kind ?? null, seq: item?.seq ?? null, previousReason: item?.reason ?? null });
  return { outcome, item };
}

/** The platform key the terminal holds (PEM in the store), parsed; null when it has none. Throws what `parseRecipientKey` throws for a bad key. */
export function storedPlatformKey(store: KioskStore): KeyObject | null {
  const stored = store.config.get(PLATFORM_PUBLIC_KEY_CONFIG_KEY);
  return typeof stored === 'string' && stored.length > 0 ? parseRecipientKey(stored) : null;
}

/** What {@link writeAttentionExport} wrote. */
export interface AttentionExportWritten {
  items: number;
  ids: string[];
  scheme: string;
  recipientFingerprint: string;
}

/**
 * Writes every item needing attention to `out` (mode 0600, never
 * overwriting: throws `EEXIST`) with each item's content sealed to
 * `recipient`, through a temporary name beside `out` and a rename so a crash
 * leaves no half file; then audits `auditType` with the count, ids, scheme,
 * recipient fingerprint and `out`. Used by `kioskctl queue export` and
 * `technician.exportAttention`. Throws the write's error (nothing audited).
 */
export function writeAttentionExport(store: KioskStore, out: string, recipient: KeyObject, auditType: string, now: Date = new Date(), auditExtra: Record<string, unknown> = {}): AttentionExportWritten {
  if (existsSync(out)) throw Object.assign(new Error(`${out} already exists`), { code: 'EEXIST' });
  const doc = buildAttentionExport(store.outbox, store.deviceId, recipient, now);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temp, out);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw e;
  }
  const written = { items: doc.items.length, ids: doc.items.map((i) => i.id), scheme: doc.key.scheme, recipientFingerprint: publicKeyFingerprint(recipient) };
  store.audit.append(auditType, { ...auditExtra, items: written.items, ids: written.ids, scheme: written.scheme, recipientFingerprint: written.recipientFingerprint, out });
  return written;
}
