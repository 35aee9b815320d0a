import type { Migration } from './migration';

/**
 * Outbox and transaction records. `outbox.payload` is the AES-256-GCM sealed
 * item body (personal data inside), set to NULL once the platform acknowledged.
 * `counters` holds the per-device sequence (never reused, never reset).
 */
export const migration001Outbox: Migration = {
  version: 1,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO counters (name, value) VALUES ('seq', 0);

      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('transaction', 'rating', 'telemetry')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'in-flight', 'accepted', 'rejected')),
        payload BLOB,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        acked_at TEXT,
        reject_reason TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX outbox_by_status ON outbox (status, kind, seq);

      CREATE TABLE transactions (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        service TEXT NOT NULL,
        receipt_number TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
