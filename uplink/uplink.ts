import type { KeyProtection } from '../common/contract/schemas';
import type { KioskStore } from '../offline-cache/index';
import type { PlatformClient } from './client/platform-client';
import { refreshCatalogue } from './sync/catalogue-refresh';
import { startConnectivityProbe } from './sync/connectivity-probe';
import { sendHeartbeat, type HeartbeatAck } from './sync/heartbeat';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';

/** How often the catalogue is refreshed from the platform while running, in ms: 10 min. */
export const CATALOGUE_REFRESH_MS = 10 * 60_000;
/** How often a heartbeat is sent, in ms: 1 min. */
export const HEARTBEAT_MS = 60_000;

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
  /** Called after each heartbeat the platform acknowledged, with its pinned version (the update controller follows it; the health check counts it). Default none. */
  onHeartbeat?: (ack: HeartbeatAck) => void;
}

/** The kiosk's background work with the platform, started once by the composition root. */
export interface Uplink {
  readonly sync: SyncEngine;
  /** Fetches the catalogue now; false when the platform could not be reached or answered badly (the cache is unchanged then). Never rejects. */
  refreshCatalogue(): Promise<boolean>;
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
 * heartbeat every {@link HEARTBEAT_MS} and the connectivity probe while offline.
 */
export function createUplink(options: UplinkOptions): Uplink {
  const { store, client } = options;
  const sync = createSyncEngine({ store, client, ...(options.syncPollIntervalMs ? { pollIntervalMs: options.syncPollIntervalMs } : {}) });
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

  function every(ms: number, work: () => void): void {
    const timer = setInterval(work, ms);
    timer.unref();
    stops.push(() => clearInterval(timer));
  }

  let stopped = false;
  return {
    sync,
    refreshCatalogue: doRefresh,
    async start() {
      const reachable = await doRefresh();
      sync.start();
      if (reachable) await sync.syncNow();
      if (stopped) return;
      const beat = () =>
        void sendHeartbeat({ store, client, version: options.version, devices: options.devices?.() ?? [], ...(options.keyProtection === undefined ? {} : { keyProtection: options.keyProtection }) })
          .then((ack) => options.onHeartbeat?.(ack))
          .catch(() => undefined);
      if (options.heartbeatAtStart) beat();
      every(CATALOGUE_REFRESH_MS, () => void doRefresh());
      every(HEARTBEAT_MS, beat);
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
