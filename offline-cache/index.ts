/**
 * offline-cache: the kiosk's durable local store (outbox, transactions,
 * catalogue, configuration, print journal, audit log). Storage only: what
 * talks to the central platform (the sync engine that drains the outbox, the
 * catalogue refresh) is in uplink/. Plain Node; see docs/offline-cache.md.
 */
export { openKioskStore, hasKioskStore, DATABASE_FILE, DEFAULT_STALE_AFTER_SECONDS, MAX_BUNDLE_ITEMS, BUNDLE_ID_KEY, BUNDLE_REF_KEY } from './kiosk-store';
export type { KioskStore, KioskStoreOptions, StoreAlert, SubmittedBundle, SubmittedTransaction, TransactionStatus } from './kiosk-store';
export { StorageError, classifyStorageError, type StorageErrorCode } from './errors';
export { FileKeyProvider, TestKeyProvider, KEY_BYTES, type KeyProvider } from './crypto/key-provider';
export { readOrCreateDeviceId } from './device-id';
export { readOrCreateFile } from './fs/read-or-create-file';
export type { OutboxQueue, QueueStatus } from './outbox/outbox-queue';
export type { ClaimedItem, DelegationRecord, ItemResult, NeedsAttentionItem, OutboxKind, OutboxStatus } from './outbox/outbox-rows';
export type { ConfigStore } from './config/config-store';
export type { PrintJobRow, PrintJobState } from './print/print-journal';
export { auditMac, deriveAuditKey, GENESIS_HASH, type AuditHead, type AuditVerifyResult } from './audit/audit-log';
export type { CatalogueApplyResult } from './catalogue/catalogue-store';
export type { CatalogueUpdate, LifeEvent } from './catalogue/catalogue-update';
export type { RecoveryReport } from './db/recover';
export type { Off } from './events';
export { buildAttentionExport, openAttentionExport, ATTENTION_EXPORT_FORMAT, PLATFORM_PUBLIC_KEY_CONFIG_KEY, type AttentionExport, type ExportedItem } from './outbox/attention-export';
export { parseRecipientKey, publicKeyFingerprint, type KeyWrapScheme, type WrappedKey, type SealedValue } from './crypto/public-key-seal';
