/**
 * offline-cache: the kiosk's durable local store (outbox, transactions,
 * catalogue, configuration, print journal, audit log) and the sync engine that
 * delivers the outbox to the central platform. Plain Node; see docs/offline-cache.md.
 */
export { openKioskStore, DATABASE_FILE, DEFAULT_STALE_AFTER_SECONDS, MAX_BUNDLE_ITEMS, BUNDLE_ID_KEY, BUNDLE_REF_KEY } from './kiosk-store';
export type { KioskStore, KioskStoreOptions, StoreAlert, SubmittedBundle, SubmittedTransaction, TransactionStatus } from './kiosk-store';
export { StorageError, classifyStorageError, type StorageErrorCode } from './errors';
export { FileKeyProvider, TestKeyProvider, KEY_BYTES, type KeyProvider } from './crypto/key-provider';
export { readOrCreateDeviceId } from './device-id';
export type { QueueStatus } from './outbox/outbox-queue';
export type { NeedsAttentionItem, OutboxKind, OutboxStatus } from './outbox/outbox-rows';
export type { PrintJobRow, PrintJobState } from './print/print-journal';
export type { AuditVerifyResult } from './audit/audit-log';
export type { CatalogueApplyResult } from './catalogue/catalogue-store';
export type { RecoveryReport } from './db/recover';
export type { Off } from './events';
export { createPlatformClient, DEFAULT_TIMEOUT_MS, type PlatformClient, type PlatformClientOptions, type PlatformReply, type HeartbeatBody } from './sync/platform-client';
export { PlatformHttpError, PlatformProtocolError, PlatformUnreachableError } from './sync/platform-errors';
export { createSyncEngine, DEFAULT_BATCH_SIZE, type SyncEngine, type SyncEngineOptions, type SyncPassResult, type SyncEngineEvents } from './sync/sync-engine';
export { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './sync/backoff';
export { sendHeartbeat, type HeartbeatOptions } from './sync/heartbeat';
export { refreshCatalogue } from './sync/catalogue-refresh';
export { lastClockReading, type ClockReading } from './sync/clock-offset';
export type { LifeEvent, CatalogueResponse } from './sync/protocol-schemas';
