import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { RatingLevelSchema } from '../common/contract/schemas';
import { AuditLog, deriveAuditKey } from './audit/audit-log';
import { CatalogueStore } from './catalogue/catalogue-store';
import { ConfigStore } from './config/config-store';
import { FieldCipher } from './crypto/field-cipher';
import { FileKeyProvider, type KeyProvider } from './crypto/key-provider';
import { openDatabase, type DatabaseHandles } from './db/open-database';
import { quarantineAndRecover, type RecoveryReport } from './db/recover';
import { classifyStorageError, StorageError } from './errors';
import { Emitter, type Off } from './events';
import { OutboxQueue, type QueueStatus } from './outbox/outbox-queue';
import { DelegationRecordSchema, type DelegationRecord } from './outbox/outbox-rows';
import { PrintJournal } from './print/print-journal';

/** File name of the store inside the data dir. */
export const DATABASE_FILE = 'kiosk.db';

/**
 * True when `dataDir` holds a kiosk store (a `kiosk.db` file). Creates and
 * changes nothing: read-only tools ask it before {@link openKioskStore},
 * which would create an empty store in a mistyped directory.
 */
export function hasKioskStore(dataDir: string): boolean {
  try {
    return statSync(join(dataDir, DATABASE_FILE)).isFile();
  } catch {
    return false;
  }
}

/** Default age (s) after which an undelivered item raises the `outbox-stale` alert: 24 h. */
export const DEFAULT_STALE_AFTER_SECONDS = 24 * 60 * 60;

/** Options of {@link openKioskStore}. */
export interface KioskStoreOptions {
  /** Directory holding `kiosk.db`, the key file and `device-id`. Created if missing. */
  dataDir: string;
  /** This terminal's id (sent with every batch). */
  deviceId: string;
  /** Source of the AES-256 key. Default: {@link FileKeyProvider} on `dataDir`. */
  keyProvider?: KeyProvider;
  /** Clock. Default: `() => new Date()`. */
  now?: () => Date;
  /** Undelivered items older than this (seconds) raise `outbox-stale`. Default 24 h. */
  staleAfterSeconds?: number;
  /** Cap on the database size in 4 KiB pages (bounded installs, disk-full tests). Default: none. */
  maxPageCount?: number;
}

/** An alert for the technician screen and the heartbeat. `message` is bilingual: Chinese, then English. */
export interface StoreAlert {
  code: string;
  message: string;
}

/** Result of {@link KioskStore.submitTransaction}. */
export interface SubmittedTransaction {
  /** UUIDv7: idempotency key and the platform's id. */
  id: string;
  /** Per-device sequence number. */
  seq: number;
  receiptNumber: string;
  /** ISO 8601 kiosk time. */
  createdAt: string;
}

/** Result of {@link KioskStore.submitBundle}: the items in input order. */
export interface SubmittedBundle {
  bundleId: string;
  /** UUIDv7 shared by the bundle's items (`_bundleRef` in each item's data). */
  bundleRef: string;
  items: SubmittedTransaction[];
}

/** Largest number of items in one bundle. */
export const MAX_BUNDLE_ITEMS = 20;

/** Data keys the store sets on every item of a bundle. */
export const BUNDLE_ID_KEY = '_bundleId';
export const BUNDLE_REF_KEY = '_bundleRef';

/** Throws TypeError unless `service` and `data` are a valid transaction (nothing is written). */
function validateTransaction(service: unknown, data: unknown): asserts data is Record<string, string> {
  if (typeof service !== 'string' || service.length === 0 || service.length > 64) throw new TypeError('service must be a code of 1..64 characters');
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.values(data).some((v) => typeof v !== 'string')) {
    throw new TypeError('data must be an object of strings');
  }
  if (Object.keys(data).some((k) => k.length === 0 || k.length > 64)) throw new TypeError('data keys must be 1..64 characters');
}

/** The delegation record when valid (undefined stays undefined); throws TypeError otherwise (nothing is written). */
function validDelegation(delegation: unknown): DelegationRecord | undefined {
  if (delegation === undefined) return undefined;
  const parsed = DelegationRecordSchema.safeParse(delegation);
  if (!parsed.success) throw new TypeError('delegation must name route, relation, agent, principal and consent');
  return parsed.data;
}

/** Delivery state of a transaction as the UI reports it. */
export type TransactionStatus = 'pending' | 'in-flight' | 'accepted' | 'rejected';

/**
 * The kiosk's local store (one SQLite file). Methods are synchronous; writes
 * are durable (fsynced) when they return. Writes throw {@link StorageError}
 * on disk full or corruption and never half-apply.
 */
export interface KioskStore {
  readonly deviceId: string;
  readonly dataDir: string;
  /**
   * Writes the transaction record and its outbox row in one SQLite
   * transaction. `data` (form values, personal) is sealed with AES-256-GCM.
   * Durable when it returns. Throws StorageError (refused, nothing written)
   * or TypeError on invalid input. `delegation` (agent, principal, consent of
   * an application made for someone else) is sealed in the same body.
   */
  submitTransaction(input: { service: string; data: Record<string, string>; receiptNumber?: string; delegation?: DelegationRecord }): SubmittedTransaction;
  /**
   * Writes every item of a life-event bundle ("一件事一次办") — each a normal
   * transaction with its own id, seq and receipt number — in ONE SQLite
   * transaction: all items are durable when it returns, or (StorageError,
   * any other failure) none is written. Each item's sealed body carries the
   * shared `_bundleId` and `_bundleRef` data fields, and `delegation` (代办)
   * when given. Throws TypeError on
   * invalid input (nothing written).
   */
  submitBundle(input: { bundleId: string; items: ReadonlyArray<{ service: string; data: Record<string, string> }>; delegation?: DelegationRecord }): SubmittedBundle;
  /**
   * Queues a 好差评 rating for delivery. Durable when it returns. Throws
   * TypeError for an unknown level, or a missing reason on the two lowest levels.
   */
  enqueueRating(input: { transactionId: string | null; service: string; level: string; reason: string | null }): { id: string; seq: number };
  /** Queues a telemetry event (no personal data; `type` 1..64 characters) for delivery. Durable when it returns. */
  enqueueTelemetry(type: string, data: Record<string, unknown>): { id: string; seq: number };
  /** Queue counts; exactly the `kioskctl queue status --json` object. */
  queueStatus(): QueueStatus;
  /** Delivery state of a transaction, or null when unknown. */
  transactionStatus(id: string): TransactionStatus | null;
  /** The outbox as the sync engine uses it. */
  readonly outbox: OutboxQueue;
  readonly catalogue: CatalogueStore;
  readonly printJobs: PrintJournal;
  readonly audit: AuditLog;
  readonly config: ConfigStore;
  /** Current alerts (stale queue, needs attention, storage problems, sync problems). */
  alerts(): StoreAlert[];
  /** Sets (message) or clears (null) a runtime alert, e.g. from the sync engine. */
  setAlert(code: string, message: string | null): void;
  /** What recovery did when the file was found corrupt at open; null otherwise. */
  readonly recovery: RecoveryReport | null;
  /** Called after every successful enqueue (any kind) in this process. */
  onEnqueued(listener: () => void): Off;
  /** Closes both connections. Further calls throw. */
  close(): void;
}

const STALE_MESSAGE = (hours: number) =>
  `有未上报的数据已超过 ${hours} 小时，请检查网络。 / Unsent data is older than ${hours} h; check the network.`;

/**
 * Opens the store in `dataDir`, creating and migrating it when needed. When
 * the file is corrupt it is quarantined (renamed, never deleted), readable
 * rows are recovered into a fresh file and an alert is raised. Throws
 * {@link StorageError} (`storage-full` or `storage-corrupt`) when no usable
 * file can be opened.
 */
export function openKioskStore(options: KioskStoreOptions): KioskStore {
  const now = options.now ?? (() => new Date());
  const path = join(options.dataDir, DATABASE_FILE);
  const keyProvider = options.keyProvider ?? new FileKeyProvider(options.dataDir);
  const key = keyProvider.getKey();
  const cipher = new FieldCipher(key);
  const dbOptions = options.maxPageCount !== undefined ? { maxPageCount: options.maxPageCount } : {};
  let handles: DatabaseHandles;
  let recovery: RecoveryReport | null = null;
  try {
    handles = openDatabase(path, dbOptions);
  } catch (e) {
    const err = classifyStorageError(e);
    if (!err) throw e;
    if (err.code === 'storage-full') throw err;
    try {
      const r = quarantineAndRecover(path, now(), dbOptions);
      handles = r.handles;
      recovery = r.report;
    } catch (e2) {
      throw classifyStorageError(e2) ?? new StorageError('storage-corrupt', e2);
    }
  }
  const store = new SqliteKioskStore(options, handles, cipher, now, recovery, deriveAuditKey(key));
  try {
    checkKey(store, key);
  } catch (e) {
    store.close();
    throw e;
  }
  return store;
}

/** Config key of the key check value: an HMAC of a constant under the data key (reveals nothing about the key). */
export const KEY_CHECK_CONFIG_KEY = 'crypto.keyCheck';

/**
 * Records the key check value on first open and compares it afterwards, so a
 * process holding another key (kioskctl's key file against an Electron
 * terminal's safeStorage key) is refused before it can set rows aside as
 * unreadable. Throws StorageError `storage-key-mismatch`.
 */
function checkKey(store: KioskStore, key: Buffer): void {
  const check = createHmac('sha256', key).update('gov-kiosk key check v1').digest('base64url').slice(0, 22);
  const stored = store.config.get(KEY_CHECK_CONFIG_KEY);
  if (stored === undefined || stored === null) store.config.set(KEY_CHECK_CONFIG_KEY, check);
  else if (stored !== check) throw new StorageError('storage-key-mismatch');
}

class SqliteKioskStore implements KioskStore {
  readonly deviceId: string;
  readonly dataDir: string;
  readonly outbox: OutboxQueue;
  readonly catalogue: CatalogueStore;
  readonly printJobs: PrintJournal;
  readonly audit: AuditLog;
  readonly config: ConfigStore;
  private readonly runtimeAlerts = new Map<string, string>();
  private readonly events = new Emitter<{ enqueued: undefined }>();
  private refusing: StorageError | null = null;
  private readonly staleAfterSeconds: number;
  private readonly deviceTag: string;

  constructor(
    options: KioskStoreOptions,
    private readonly db: DatabaseHandles,
    cipher: FieldCipher,
    private readonly now: () => Date,
    readonly recovery: RecoveryReport | null,
    auditKey: Buffer,
  ) {
    this.deviceId = options.deviceId;
    this.dataDir = options.dataDir;
    this.staleAfterSeconds = options.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
    this.deviceTag = options.deviceId.replace(/[^0-9a-zA-Z]/g, '').slice(-4).toUpperCase().padStart(4, '0');
    const guard = <T>(fn: () => T): T => this.guard(fn);
    // Every part takes (writer, reader, guard, now), then what only it needs.
    this.outbox = new OutboxQueue(db.writer, db.reader, guard, now, cipher);
    this.catalogue = new CatalogueStore(db.writer, db.reader, guard, now);
    this.printJobs = new PrintJournal(db.writer, db.reader, guard, now, cipher);
    this.audit = new AuditLog(db.writer, db.reader, guard, now, auditKey);
    this.audit.upgradeToKeyed();
    this.config = new ConfigStore(db.writer, db.reader, guard, now);
    if (recovery) {
      this.runtimeAlerts.set(
        'storage-recovered',
        `数据文件损坏，已隔离并恢复可读数据。 / The database was damaged; it was quarantined (${recovery.quarantinedPath.split('/').pop()}) and readable rows recovered.`,
      );
    }
  }

  /** Runs a write; maps SQLite full/corrupt errors to StorageError and remembers corruption (later writes refused). */
  private guard<T>(fn: () => T): T {
    if (this.refusing) throw this.refusing;
    try {
      const result = fn();
      this.runtimeAlerts.delete('storage-full');
      return result;
    } catch (e) {
      this.storageFailure(e);
    }
  }

  /** Rethrows `e`; a full or damaged file becomes a StorageError, raises its alert and, when damaged, refuses later writes. */
  private storageFailure(e: unknown): never {
    const err = classifyStorageError(e);
    if (!err) throw e;
    this.runtimeAlerts.set(err.code, `${err.messageZh} / ${err.messageEn}`);
    if (err.code === 'storage-corrupt') this.refusing = err;
    throw err;
  }

  /** Runs `write` in one immediate SQLite transaction (guarded), then tells the enqueue listeners. */
  private write<T>(write: () => T): T {
    const result = this.guard(() => this.db.writer.transaction(write).immediate());
    this.events.emit('enqueued', undefined);
    return result;
  }

  private enqueue(kind: 'rating' | 'telemetry', id: string, body: unknown, createdAt: string): number {
    return this.write(() => this.outbox.append(kind, id, body, createdAt));
  }

  /** Writes one transaction record and its sealed outbox row; runs inside a caller's write transaction. */
  private insertTransaction(service: string, data: Record<string, string>, created: Date, givenReceiptNumber?: string, delegation?: DelegationRecord): SubmittedTransaction {
    const id = uuidv7();
    const createdAt = created.toISOString();
    const seq = this.outbox.append('transaction', id, { service, createdAt, data, ...(delegation ? { delegation } : {}) }, createdAt);
    const receiptNumber = givenReceiptNumber || `${createdAt.slice(0, 10).replace(/-/g, '')}-${this.deviceTag}-${String(seq).padStart(6, '0')}`;
    this.db.writer.prepare('INSERT INTO transactions (id, seq, service, receipt_number, created_at) VALUES (?, ?, ?, ?, ?)').run(id, seq, service, receiptNumber, createdAt);
    return { id, seq, receiptNumber, createdAt };
  }

  submitTransaction(input: { service: string; data: Record<string, string>; receiptNumber?: string; delegation?: DelegationRecord }): SubmittedTransaction {
    validateTransaction(input.service, input.data);
    const delegation = validDelegation(input.delegation);
    const created = this.now();
    return this.write(() => this.insertTransaction(input.service, input.data, created, input.receiptNumber, delegation));
  }

  submitBundle(input: { bundleId: string; items: ReadonlyArray<{ service: string; data: Record<string, string> }>; delegation?: DelegationRecord }): SubmittedBundle {
    if (typeof input.bundleId !== 'string' || input.bundleId.length === 0 || input.bundleId.length > 64) throw new TypeError('bundleId must be 1..64 characters');
    if (!Array.isArray(input.items) || input.items.length === 0 || input.items.length > MAX_BUNDLE_ITEMS) {
      throw new TypeError(`a bundle has 1..${MAX_BUNDLE_ITEMS} items`);
    }
    for (const item of input.items) validateTransaction(item.service, item.data);
    const delegation = validDelegation(input.delegation);
    const bundleRef = uuidv7();
    const created = this.now();
    const items = this.write(() =>
      input.items.map((item) => this.insertTransaction(item.service, { ...item.data, [BUNDLE_ID_KEY]: input.bundleId, [BUNDLE_REF_KEY]: bundleRef }, created, undefined, delegation)),
    );
    return { bundleId: input.bundleId, bundleRef, items };
  }

  enqueueRating(input: { transactionId: string | null; service: string; level: string; reason: string | null }): { id: string; seq: number } {
    if (!RatingLevelSchema.safeParse(input.level).success) throw new TypeError('level must be one of the five 好差评 levels');
    if (typeof input.service !== 'string' || input.service.length === 0 || input.service.length > 64) throw new TypeError('service must be a code of 1..64 characters');
    if (input.reason !== null && (typeof input.reason !== 'string' || input.reason.length > 500)) throw new TypeError('reason must be null or at most 500 characters');
    if ((input.level === 'dissatisfied' || input.level === 'very-dissatisfied') && (input.reason ?? '').trim() === '') {
      throw new TypeError('a reason is required for the two lowest levels');
    }
    const id = uuidv7();
    const createdAt = this.now().toISOString();
    const seq = this.enqueue('rating', id, { transactionId: input.transactionId, service: input.service, level: input.level, reason: input.reason, createdAt }, createdAt);
    return { id, seq };
  }

  enqueueTelemetry(type: string, data: Record<string, unknown>): { id: string; seq: number } {
    if (typeof type !== 'string' || type.length === 0 || type.length > 64) throw new TypeError('telemetry type must be 1..64 characters');
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TypeError('telemetry data must be an object');
    const id = uuidv7();
    const at = this.now().toISOString();
    const seq = this.enqueue('telemetry', id, { type, at, data }, at);
    return { id, seq };
  }

  queueStatus(): QueueStatus {
    return this.read(() => this.outbox.status());
  }

  /** Runs a read; a damaged file surfaces as StorageError (and refuses later writes), like a write would. */
  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.storageFailure(e);
    }
  }

  transactionStatus(id: string): TransactionStatus | null {
    const r = this.read(() => this.db.reader.prepare(`SELECT o.status FROM transactions t JOIN outbox o ON o.id = t.id WHERE t.id = ?`).get(id)) as { status: TransactionStatus } | undefined;
    return r?.status ?? null;
  }

  alerts(): StoreAlert[] {
    const out: StoreAlert[] = [];
    let s: QueueStatus | null = null;
    try {
      s = this.queueStatus();
    } catch {
      // The storage alert set by the failed read is listed below.
    }
    if (s && s.oldestPendingAgeSeconds > this.staleAfterSeconds) {
      out.push({ code: 'outbox-stale', message: STALE_MESSAGE(Math.round(this.staleAfterSeconds / 3600)) });
    }
    if (s && s.needsAttention > 0) {
      out.push({ code: 'outbox-needs-attention', message: `有 ${s.needsAttention} 条数据被平台拒收，需要处理。 / ${s.needsAttention} item(s) were rejected by the platform and need attention.` });
    }
    for (const [code, message] of this.runtimeAlerts) out.push({ code, message });
    return out;
  }

  setAlert(code: string, message: string | null): void {
    if (message === null) this.runtimeAlerts.delete(code);
    else this.runtimeAlerts.set(code, message);
  }

  onEnqueued(listener: () => void): Off {
    return this.events.on('enqueued', listener);
  }

  close(): void {
    this.db.close();
  }
}
