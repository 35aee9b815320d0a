import type Database from 'better-sqlite3';

/** Heartbeats kept; older ones are pruned on insert. */
const KEEP = 10_000;

/** A received heartbeat as `GET /admin/heartbeats` lists it. */
export interface StoredHeartbeat {
  deviceId: string;
  receivedAt: string;
  [key: string]: unknown;
}

/** The audit part of a heartbeat: the chain's head now, and the kiosk's hash at the last head the platform acknowledged. */
export interface HeartbeatAudit {
  head: { id: number; hash: string };
  proof: { id: number; hash: string | null } | null;
}

/** What the platform concluded from a heartbeat's audit heads. */
export interface AuditCheck {
  /** The head id acknowledged (the kiosk proves its hash there next time); null when nothing consistent was received. */
  ack: number | null;
  /** `audit-chain-rewritten` (a hash differs from one already received) or `audit-chain-truncated` (the head went backwards); null when consistent. */
  alert: 'audit-chain-rewritten' | 'audit-chain-truncated' | null;
}

/** A raised audit alert as `GET /admin/audit-alerts` lists it. */
export interface AuditAlert {
  deviceId: string;
  code: string;
  detail: Record<string, unknown>;
  at: string;
}

/** Append-only log of kiosk heartbeats, newest {@link KEEP} kept, and every audit head each kiosk reported. */
export class HeartbeatsStore {
  constructor(private readonly db: Database.Database) {}

  /** Appends one heartbeat body (already validated). */
  add(deviceId: string, body: Record<string, unknown>, receivedAt: string): void {
    const info = this.db
      .prepare('INSERT INTO heartbeats (device_id, body, received_at) VALUES (?, ?, ?)')
      .run(deviceId, JSON.stringify(body), receivedAt);
    this.db.prepare('DELETE FROM heartbeats WHERE seq <= ?').run(Number(info.lastInsertRowid) - KEEP);
  }

  /**
   * Compares a heartbeat's audit heads with every head already received from
   * this device: the same id with another hash (including the kiosk's proof
   * at the last acknowledged id) means the chain was rebuilt — even by
   * someone holding the audit key; a head below one already received means
   * rows were cut off. Records the head when consistent and raises an alert
   * otherwise (kept until a technician clears the terminal).
   */
  checkAudit(deviceId: string, audit: HeartbeatAudit, at: string): AuditCheck {
    return this.db.transaction((): AuditCheck => {
      const known = (id: number) => (this.db.prepare('SELECT hash FROM audit_heads WHERE device_id = ? AND id = ?').get(deviceId, id) as { hash: string } | undefined)?.hash;
      const highest = (this.db.prepare('SELECT MAX(id) AS id FROM audit_heads WHERE device_id = ?').get(deviceId) as { id: number | null }).id;
      const raise = (code: NonNullable<AuditCheck['alert']>, detail: Record<string, unknown>): AuditCheck => {
        this.db.prepare('INSERT INTO audit_alerts (device_id, code, detail, at) VALUES (?, ?, ?, ?)').run(deviceId, code, JSON.stringify(detail), at);
        return { ack: highest, alert: code };
      };
      if (highest !== null && (audit.head.id < highest || (audit.proof !== null && audit.proof.hash === null))) return raise('audit-chain-truncated', { head: audit.head.id, highestReceived: highest });
      const proofKnown = audit.proof ? known(audit.proof.id) : undefined;
      if (audit.proof && proofKnown !== undefined && proofKnown !== audit.proof.hash) return raise('audit-chain-rewritten', { id: audit.proof.id });
      const headKnown = known(audit.head.id);
      if (headKnown !== undefined && headKnown !== audit.head.hash) return raise('audit-chain-rewritten', { id: audit.head.id });
      this.db.prepare('INSERT OR IGNORE INTO audit_heads (device_id, id, hash, received_at) VALUES (?, ?, ?, ?)').run(deviceId, audit.head.id, audit.head.hash, at);
      return { ack: audit.head.id, alert: null };
    })();
  }

  /** Every audit alert raised, oldest first. */
  auditAlerts(): AuditAlert[] {
    const rows = this.db.prepare('SELECT device_id, code, detail, at FROM audit_alerts ORDER BY seq').all() as { device_id: string; code: string; detail: string; at: string }[];
    return rows.map((r) => ({ deviceId: r.device_id, code: r.code, detail: JSON.parse(r.detail) as Record<string, unknown>, at: r.at }));
  }

  /** All kept heartbeats, oldest first. */
  list(): StoredHeartbeat[] {
    const rows = this.db.prepare('SELECT device_id, body, received_at FROM heartbeats ORDER BY seq').all() as {
      device_id: string;
      body: string;
      received_at: string;
    }[];
    return rows.map((r) => ({ ...(JSON.parse(r.body) as Record<string, unknown>), deviceId: r.device_id, receivedAt: r.received_at }));
  }
}
