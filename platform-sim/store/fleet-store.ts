import type Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS fleet_configs (
  scope TEXT PRIMARY KEY, version INTEGER NOT NULL, settings TEXT NOT NULL, mode TEXT NOT NULL, set_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fleet_commands (
  ref INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, device_id TEXT NOT NULL, kind TEXT NOT NULL, token TEXT NOT NULL,
  queued_at TEXT NOT NULL, delivered_count INTEGER NOT NULL DEFAULT 0, ack_status TEXT, ack_reason TEXT, acked_at TEXT
);
CREATE TABLE IF NOT EXISTS fleet_config_versions (version INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS fleet_health (device_id TEXT PRIMARY KEY, heartbeat TEXT NOT NULL, received_at TEXT NOT NULL, full_at TEXT);
CREATE TABLE IF NOT EXISTS fleet_logs (seq INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, command_id TEXT, lines TEXT NOT NULL, received_at TEXT NOT NULL);
`;

/**
 * How the platform serves a stored configuration (test-only modes besides
 * `signed`): `unsigned` without a signature, `raw` the stored text as is
 * (settings unchecked), so each refusal of the kiosk can be shown over HTTP.
 */
export type ConfigMode = 'signed' | 'unsigned' | 'raw';

/** A configuration stored for a terminal (`terminal:<id>`) or a group (`group:<id>`). */
export interface StoredConfig {
  scope: string;
  version: number;
  /** The settings object (JSON text), or the literal document for mode `raw`. */
  settings: string;
  mode: ConfigMode;
  setAt: string;
}

/** A command queued for a terminal, as the fleet view lists it. */
export interface StoredCommand {
  ref: number;
  id: string;
  deviceId: string;
  kind: string;
  queuedAt: string;
  deliveredCount: number;
  ack: { status: string; reason: string | null; at: string } | null;
}

/** Durable fleet state: configurations per terminal and group, queued commands and their acknowledgements, each terminal's last health, uploaded logs. */
export class FleetStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** The highest configuration version ever issued (versions are platform-wide, so a terminal moved between groups still only sees newer ones). */
  private highestVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM fleet_config_versions').get() as { v: number | null }).v ?? 0;
  }

  /** Stores a configuration for `scope`; `version` defaults to one above every stored version. Returns what was stored. */
  setConfig(scope: string, settings: string, mode: ConfigMode, at: string, version?: number): StoredConfig {
    const v = version ?? this.highestVersion() + 1;
    this.db.prepare('INSERT OR REPLACE INTO fleet_configs (scope, version, settings, mode, set_at) VALUES (?, ?, ?, ?, ?)').run(scope, v, settings, mode, at);
    this.db.prepare('INSERT OR IGNORE INTO fleet_config_versions (version) VALUES (?)').run(v);
    return { scope, version: v, settings, mode, setAt: at };
  }

  /** The configuration of a terminal: its own, else its group's, else null. */
  configFor(deviceId: string, group: string | null): StoredConfig | null {
    const get = (scope: string) => this.db.prepare('SELECT scope, version, settings, mode, set_at FROM fleet_configs WHERE scope = ?').get(scope) as
      | { scope: string; version: number; settings: string; mode: ConfigMode; set_at: string }
      | undefined;
    const row = get(`terminal:${deviceId}`) ?? (group === null ? undefined : get(`group:${group}`));
    return row ? { scope: row.scope, version: row.version, settings: row.settings, mode: row.mode, setAt: row.set_at } : null;
  }

  /** Every stored configuration. */
  configs(): StoredConfig[] {
    return (this.db.prepare('SELECT scope, version, settings, mode, set_at FROM fleet_configs ORDER BY scope').all() as Array<{ scope: string; version: number; settings: string; mode: ConfigMode; set_at: string }>).map((r) => ({
      scope: r.scope,
      version: r.version,
      settings: r.settings,
      mode: r.mode,
      setAt: r.set_at,
    }));
  }

  /** Queues a command document for a terminal; returns its delivery reference. */
  queueCommand(deviceId: string, id: string, kind: string, token: string, at: string): number {
    return Number(this.db.prepare('INSERT INTO fleet_commands (id, device_id, kind, token, queued_at) VALUES (?, ?, ?, ?, ?)').run(id, deviceId, kind, token, at).lastInsertRowid);
  }

  /** The commands of a terminal not yet acknowledged (oldest first, at most `limit`), counted as delivered once more. */
  deliverCommands(deviceId: string, limit = 20): Array<{ ref: number; document: string }> {
    return this.db.transaction(() => {
      const rows = this.db.prepare('SELECT ref, token FROM fleet_commands WHERE device_id = ? AND ack_status IS NULL ORDER BY ref LIMIT ?').all(deviceId, limit) as Array<{ ref: number; token: string }>;
      for (const r of rows) this.db.prepare('UPDATE fleet_commands SET delivered_count = delivered_count + 1 WHERE ref = ?').run(r.ref);
      return rows.map((r) => ({ ref: r.ref, document: r.token }));
    })();
  }

  /** Records a terminal's acknowledgement of delivery `ref` (its own commands only, first acknowledgement wins); true when it was recorded. */
  ack(deviceId: string, ref: number, status: string, reason: string | null, at: string): boolean {
    return this.db.prepare('UPDATE fleet_commands SET ack_status = ?, ack_reason = ?, acked_at = ? WHERE ref = ? AND device_id = ? AND ack_status IS NULL').run(status, reason, at, ref, deviceId).changes === 1;
  }

  /** The token of delivery `ref` (to queue the very same document again: a replay). */
  commandToken(ref: number): { deviceId: string; id: string; kind: string; token: string } | null {
    const r = this.db.prepare('SELECT device_id, id, kind, token FROM fleet_commands WHERE ref = ?').get(ref) as { device_id: string; id: string; kind: string; token: string } | undefined;
    return r ? { deviceId: r.device_id, id: r.id, kind: r.kind, token: r.token } : null;
  }

  /** Every queued command with its acknowledgement, oldest first; one terminal's when `deviceId` is given. */
  commands(deviceId?: string): StoredCommand[] {
    const rows = (deviceId === undefined
      ? this.db.prepare('SELECT * FROM fleet_commands ORDER BY ref').all()
      : this.db.prepare('SELECT * FROM fleet_commands WHERE device_id = ? ORDER BY ref').all(deviceId)) as Array<{
      ref: number;
      id: string;
      device_id: string;
      kind: string;
      queued_at: string;
      delivered_count: number;
      ack_status: string | null;
      ack_reason: string | null;
      acked_at: string | null;
    }>;
    return rows.map((r) => ({
      ref: r.ref,
      id: r.id,
      deviceId: r.device_id,
      kind: r.kind,
      queuedAt: r.queued_at,
      deliveredCount: r.delivered_count,
      ack: r.ack_status === null ? null : { status: r.ack_status, reason: r.ack_reason, at: r.acked_at ?? '' },
    }));
  }

  /** Keeps a terminal's latest heartbeat (and when its last full report came). */
  recordHealth(deviceId: string, heartbeat: Record<string, unknown>, at: string, full: boolean): void {
    this.db
      .prepare(
        'INSERT INTO fleet_health (device_id, heartbeat, received_at, full_at) VALUES (?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET heartbeat = excluded.heartbeat, received_at = excluded.received_at, full_at = COALESCE(excluded.full_at, fleet_health.full_at)',
      )
      .run(deviceId, JSON.stringify(heartbeat), at, full ? at : null);
  }

  /** Every terminal's latest heartbeat. */
  health(): Array<{ deviceId: string; heartbeat: Record<string, unknown>; receivedAt: string; fullReportAt: string | null }> {
    return (this.db.prepare('SELECT device_id, heartbeat, received_at, full_at FROM fleet_health ORDER BY device_id').all() as Array<{ device_id: string; heartbeat: string; received_at: string; full_at: string | null }>).map((r) => ({
      deviceId: r.device_id,
      heartbeat: JSON.parse(r.heartbeat) as Record<string, unknown>,
      receivedAt: r.received_at,
      fullReportAt: r.full_at,
    }));
  }

  /** Stores lines a terminal uploaded (for a command, or on its own). */
  addLogs(deviceId: string, commandId: string | null, lines: string[], at: string): void {
    this.db.prepare('INSERT INTO fleet_logs (device_id, command_id, lines, received_at) VALUES (?, ?, ?, ?)').run(deviceId, commandId, JSON.stringify(lines), at);
  }

  /** Every log upload, oldest first. */
  logs(): Array<{ deviceId: string; commandId: string | null; lines: string[]; receivedAt: string }> {
    return (this.db.prepare('SELECT device_id, command_id, lines, received_at FROM fleet_logs ORDER BY seq').all() as Array<{ device_id: string; command_id: string | null; lines: string; received_at: string }>).map((r) => ({
      deviceId: r.device_id,
      commandId: r.command_id,
      lines: JSON.parse(r.lines) as string[],
      receivedAt: r.received_at,
    }));
  }
}
