import type Database from 'better-sqlite3';

/** Heartbeats kept; older ones are pruned on insert. */
const KEEP = 10_000;

/** A received heartbeat as `GET /admin/heartbeats` lists it. */
export interface StoredHeartbeat {
  deviceId: string;
  receivedAt: string;
  [key: string]: unknown;
}

/** Append-only log of kiosk heartbeats, newest {@link KEEP} kept. */
export class HeartbeatsStore {
  constructor(private readonly db: Database.Database) {}

  /** Appends one heartbeat body (already validated). */
  add(deviceId: string, body: Record<string, unknown>, receivedAt: string): void {
    const info = this.db
      .prepare('INSERT INTO heartbeats (device_id, body, received_at) VALUES (?, ?, ?)')
      .run(deviceId, JSON.stringify(body), receivedAt);
    this.db.prepare('DELETE FROM heartbeats WHERE seq <= ?').run(Number(info.lastInsertRowid) - KEEP);
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
