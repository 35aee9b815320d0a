import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/** One enrolled terminal. `publicKey` is its SPKI DER, base64. */
export interface DeviceRecord {
  deviceId: string;
  siteId: string;
  algorithm: string;
  publicKey: string;
  enrolledAt: string;
  revokedAt: string | null;
}

/** Result of {@link DevicesStore.redeem}: the new device, or why the code was refused. */
export type RedeemResult = { ok: true; device: DeviceRecord } | { ok: false; reason: 'enrolment-code-unknown' | 'enrolment-code-used' };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS enrolment_codes (code TEXT PRIMARY KEY, site_id TEXT NOT NULL, created_at TEXT NOT NULL, used_by TEXT);
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, site_id TEXT NOT NULL, algorithm TEXT NOT NULL, public_key TEXT NOT NULL,
  enrolled_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS platform_keys (algorithm TEXT PRIMARY KEY, private_key BLOB NOT NULL);
`;

/** Durable enrolment state: one-time codes, enrolled devices (with revocation), the platform's own key per algorithm. */
export class DevicesStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** Issues a one-time code for `siteId`: 12 characters of base32 (no look-alikes), shown to a technician. */
  issueCode(siteId: string, at: string): string {
    const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
    const code = [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
    this.db.prepare('INSERT INTO enrolment_codes (code, site_id, created_at) VALUES (?, ?, ?)').run(code, siteId, at);
    return code;
  }

  /** Redeems a code once, atomically: enrols a new device with `publicKey` (SPKI DER base64) under a fresh id. */
  redeem(code: string, algorithm: string, publicKey: string, at: string): RedeemResult {
    return this.db.transaction((): RedeemResult => {
      const row = this.db.prepare('SELECT site_id, used_by FROM enrolment_codes WHERE code = ?').get(code) as { site_id: string; used_by: string | null } | undefined;
      if (!row) return { ok: false, reason: 'enrolment-code-unknown' };
      if (row.used_by !== null) return { ok: false, reason: 'enrolment-code-used' };
      const device: DeviceRecord = { deviceId: `kiosk-${randomUUID()}`, siteId: row.site_id, algorithm, publicKey, enrolledAt: at, revokedAt: null };
      this.db
        .prepare('INSERT INTO devices (device_id, site_id, algorithm, public_key, enrolled_at) VALUES (?, ?, ?, ?, ?)')
        .run(device.deviceId, device.siteId, algorithm, publicKey, at);
      this.db.prepare('UPDATE enrolment_codes SET used_by = ? WHERE code = ?').run(device.deviceId, code);
      return { ok: true, device };
    })();
  }

  /** The device of `deviceId`, or null when never enrolled. */
  get(deviceId: string): DeviceRecord | null {
    const r = this.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as
      | { device_id: string; site_id: string; algorithm: string; public_key: string; enrolled_at: string; revoked_at: string | null }
      | undefined;
    return r ? { deviceId: r.device_id, siteId: r.site_id, algorithm: r.algorithm, publicKey: r.public_key, enrolledAt: r.enrolled_at, revokedAt: r.revoked_at } : null;
  }

  /** Every enrolled device, oldest first. */
  list(): DeviceRecord[] {
    const ids = this.db.prepare('SELECT device_id FROM devices ORDER BY enrolled_at, device_id').all() as { device_id: string }[];
    return ids.map((r) => this.get(r.device_id)!);
  }

  /** Marks a device revoked; false when it is unknown. Idempotent (keeps the first revocation time). */
  revoke(deviceId: string, at: string): boolean {
    return this.db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?').run(at, deviceId).changes === 1;
  }

  /** The platform's private key (PKCS#8 DER) for `algorithm`, created by `create` on first use. */
  platformKey(algorithm: string, create: () => Buffer): Buffer {
    const row = this.db.prepare('SELECT private_key FROM platform_keys WHERE algorithm = ?').get(algorithm) as { private_key: Buffer } | undefined;
    if (row) return row.private_key;
    const key = create();
    this.db.prepare('INSERT OR IGNORE INTO platform_keys (algorithm, private_key) VALUES (?, ?)').run(algorithm, key);
    return this.platformKey(algorithm, create);
  }
}
