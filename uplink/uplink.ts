import type { KeyProtection } from '../common/contract/schemas';
import type { TerminalHealth } from '../common/fleet/terminal-health';
import type { KioskStore } from '../offline-cache/index';
import type { PlatformClient } from './client/platform-client';
import { refreshCatalogue } from './sync/catalogue-refresh';
import { startConnectivityProbe } from './sync/connectivity-probe';
import { sendHeartbeat, type HeartbeatAck } from './sync/heartbeat';
import { diskStep, FULL_REPORT_MS, HeartbeatSchedule } from './sync/heartbeat-schedule';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';

/** How often the catalogue is refreshed from the platform while running, in ms: 10 min. */
export const CATALOGUE_REFRESH_MS = 10 * 60_000;
/** How often the heartbeat is due for a check, in ms: 1 min (sent when something changed, or as the full report). */
export const HEARTBEAT_MS = 60_000;

/** The timers the background schedule runs on; tests and the byte bench inject a virtual clock. */
export interface UplinkTimers {
  /** Runs `work` every `ms` until the returned function is called; a run still in flight is not started twice. */
  every(ms: number, work: () => Promise<void>): () => void;
  /** Calls `fire` once after `ms` unless the returned function is called first (the sync engine's waits). */
  after(ms: number, fire: () => void): () => void;
}

/** Real timers (unref'd, so they never keep a process alive). */
export const REAL_TIMERS: UplinkTimers = {
  every(ms, work) {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void work().finally(() => (busy = false));
    }, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  after(ms, fire) {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
};

/** Options of {@link createUplink}. */
export interface UplinkOptions {
  store: KioskStore;
  client: PlatformClient;
  /** Software version reported in heartbeats. */
  version: string;
  /** What protects the data key at rest, reported in heartbeats (`keyProtection`). Default not reported. */
  keyProtection?: KeyProtection;
  /** Device statuses for the heartbeat (no personal data). Default none. */
  devices?: () => unknown[];
  /** Called after a catalogue refresh was applied to the store (the caller reloads its index). */
  onCatalogueRefreshed?: () => void;
  /** Sync engine wait between passes when drained, in ms. Default the engine's (30 s). */
  syncPollIntervalMs?: number;
  /** Pause between connectivity probes while offline, in ms. Default 5 000. */
  probeIntervalMs?: number;
  /**
   * Send one heartbeat as soon as start-up is done instead of waiting
   * {@link HEARTBEAT_MS} (the supervisor's crash-loop alert must reach the
   * platform even when the core does not live a minute). Default false.
   */
  heartbeatAtStart?: boolean;
  /**
   * Called after each heartbeat the platform acknowledged, with its pinned
   * version (the update controller follows it; the health check counts it),
   * the configuration version offered and the commands delivered (the fleet
   * controller checks them); its promise is awaited before the next check. Default none.
   */
  onHeartbeat?: (ack: HeartbeatAck) => void | Promise<void>;
  /** The health part of each heartbeat, without `report` (no personal data). Default none: heartbeats without health. */
  health?: () => Omit<TerminalHealth, 'report'>;
  /** Heartbeat check interval, in ms. Default {@link HEARTBEAT_MS}. */
  heartbeatIntervalMs?: number;
  /** Full report interval (a heartbeat even when nothing changed), in ms. Default {@link FULL_REPORT_MS} (15 min). */
  fullReportIntervalMs?: number;
  /** Catalogue check interval, in ms. Default {@link CATALOGUE_REFRESH_MS}. */
  catalogueIntervalMs?: number;
  /** The sync engine's idle probe interval (see `SyncEngineOptions.idleProbeIntervalMs`). */
  idleProbeIntervalMs?: number;
  /** Timers of the schedule. Default {@link REAL_TIMERS}. */
  timers?: UplinkTimers;
  /** Kiosk clock in ms (heartbeat schedule, sync engine). Default Date.now. */
  now?: () => number;
}

/** The kiosk's background work with the platform, started once by the composition root. */
export interface Uplink {
  readonly sync: SyncEngine;
  /** Fetches the catalogue now; false when the platform could not be reached or answered badly (the cache is unchanged then). Never rejects. */
  refreshCatalogue(): Promise<boolean>;
  /** Sends a full heartbeat now (after a command, so the platform sees its effect without waiting for the next check). Never rejects. */
  heartbeatNow(): Promise<void>;
  /**
   * Refreshes the catalogue, starts the sync loop, and — when the platform
   * just answered — waits for the engine's first pass, so an early submit is
   * not answered "queued" (or refused, for items that need the platform) only
   * because the engine still reports the `offline` it starts in. Then starts
   * the timers and the connectivity probe.
   */
  start(): Promise<void>;
  /** Stops timers, probe and the sync loop (its request in flight is aborted; items go back to pending). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Everything the kiosk does with the platform in the background, in one
 * place: outbox delivery (sync engine), the catalogue refresh (at start,
 * every {@link CATALOGUE_REFRESH_MS} and whenever the link comes back), the
 * heartbeat checked every {@link HEARTBEAT_MS} (sent when something changed,
 * and as a full report every {@link FULL_REPORT_MS}) and the connectivity
 * probe while offline.
 */
export function createUplink(options: UplinkOptions): Uplink {
  const { store, client } = options;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? REAL_TIMERS;
  const sync = createSyncEngine({
    store,
    client,
    now,
    ...(options.timers ? { setTimer: (fire: () => void, ms: number) => timers.after(ms, fire) } : {}),
    ...(options.syncPollIntervalMs ? { pollIntervalMs: options.syncPollIntervalMs } : {}),
    ...(options.idleProbeIntervalMs ? { idleProbeIntervalMs: options.idleProbeIntervalMs } : {}),
  });
  const schedule = new HeartbeatSchedule(options.fullReportIntervalMs ?? FULL_REPORT_MS);
  const stops: Array<() => void> = [];

  const doRefresh = async (): Promise<boolean> => {
    try {
      await refreshCatalogue(store, client);
      options.onCatalogueRefreshed?.();
      return true;
    } catch {
      return false;
    }
  };
  let wasOffline = true;
  stops.push(
    sync.on('connectivity', (c) => {
      if (c.state !== 'offline' && wasOffline) void doRefresh();
      wasOffline = c.state === 'offline';
    }),
  );

  function every(ms: number, work: () => Promise<void>): void {
    stops.push(timers.every(ms, work));
  }

  /** One heartbeat check: sent when something changed or the full report is due; never rejects. */
  const beat = async (force = false): Promise<void> => {
    const devices = options.devices?.() ?? [];
    const health = options.health?.();
    const q = store.queueStatus();
    const fingerprint = JSON.stringify({
      version: options.version,
      queue: [q.pending + q.inFlight, q.needsAttention],
      devices: devices.map((d) => (typeof d === 'object' && d !== null ? { ...d, updatedAt: undefined } : d)),
      alerts: store.alerts().map((a) => a.code),
      audit: store.audit.head().id,
      health: health ? { ...health, uptimeSeconds: undefined, diskFreeBytes: diskStep(health.diskFreeBytes) } : null,
    });
    const due = force ? 'full' : schedule.due(fingerprint, now());
    if (due === null) return;
    try {
      const ack = await sendHeartbeat({ store, client, version: options.version, devices, now, ...(options.keyProtection === undefined ? {} : { keyProtection: options.keyProtection }), ...(health ? { health: { report: due, ...health } } : {}) });
      schedule.sent(fingerprint, now());
      await options.onHeartbeat?.(ack);
    } catch {
      // Unreachable or refused: the next check tries again (the schedule still counts it unsent).
    }
  };

  let stopped = false;
  return {
    sync,
    refreshCatalogue: doRefresh,
    heartbeatNow: () => beat(true),
    async start() {
      const reachable = await doRefresh();
      sync.start();
      if (reachable) await sync.syncNow();
      if (stopped) return;
      if (options.heartbeatAtStart) void beat(true);
      every(options.catalogueIntervalMs ?? CATALOGUE_REFRESH_MS, async () => void (await doRefresh()));
      every(options.heartbeatIntervalMs ?? HEARTBEAT_MS, () => beat());
      stops.push(startConnectivityProbe(sync, client, options.probeIntervalMs));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const stop of stops.splice(0)) stop();
      await sync.stop();
    },
  };
}
