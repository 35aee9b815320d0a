import type { PlatformClient } from '../client/platform-client';
import type { SyncEngine } from './sync-engine';

/** Default pause between probes while offline, in ms. */
export const PROBE_INTERVAL_MS = 5000;

/**
 * While the sync engine reports `offline` (and so sits in its backoff), asks
 * the platform for its time every `intervalMs`; the first answer nudges the
 * engine, so queued items leave as soon as the network is back instead of at
 * the end of a backoff of up to five minutes. Returns a stop function.
 */
export function startConnectivityProbe(sync: SyncEngine, client: PlatformClient, intervalMs = PROBE_INTERVAL_MS): () => void {
  let probing = false;
  const timer = setInterval(() => {
    if (probing || sync.connectivity.state !== 'offline') return;
    probing = true;
    client
      .time()
      .then(() => sync.nudge())
      .catch(() => undefined)
      .finally(() => {
        probing = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
