import type { KeyProtection } from '../../common/contract/schemas';
import type { TerminalHealth } from '../../common/fleet/terminal-health';
import { parsePinnedVersion } from '../../common/update/pinned-version';
import type { KioskStore } from '../../offline-cache/index';
import type { PlatformClient } from '../client/platform-client';
import { CLOCK_KEY, clockReading } from './clock-offset';

/** Options of {@link sendHeartbeat}. */
export interface HeartbeatOptions {
  store: KioskStore;
  client: PlatformClient;
  /** Software version of the kiosk. */
  version: string;
  /** Device statuses (DeviceStatus objects; no personal data). Default []. */
  devices?: unknown[];
  /** Extra alerts besides the store's (e.g. device faults). Default []. */
  alerts?: Array<{ code: string; message: string }>;
  /** What protects the data key at rest (`keyProtection` in the heartbeat, so the platform sees weakly protected terminals). Default not sent (older kiosks do not send it). */
  keyProtection?: KeyProtection;
  /** Kiosk clock in ms. Default Date.now. */
  now?: () => number;
  /** The health part (§3.3); absent when the caller has none. */
  health?: TerminalHealth;
}

/** What an acknowledged heartbeat tells the kiosk. */
export interface HeartbeatAck {
  /** The version the platform pins for this terminal (null = none, or the platform sent something that is not a version). */
  pinnedVersion: string | null;
  /** Present (true) when the platform's `pinnedVersion` was not a version and was ignored. */
  pinRefused?: true;
  /** The remote configuration version the platform offers (present when it offers one). */
  configVersion?: number;
  /** Signed commands delivered with this reply (present when there are any). */
  commands?: Array<{ ref: number; document: string }>;
}

/** Config key of the audit head id the platform last acknowledged. */
export const AUDIT_ACK_KEY = 'audit.platformAck';

/**
 * Sends one heartbeat (queue depth, device health, alerts, the audit
 * chain's head and the proof at the last acknowledged head, the data key's
 * protection when given; never personal
 * data), records the platform clock and the acknowledged audit head, and
 * returns the platform's pinned version (null = none; a value that is not a
 * semver version is refused: null with `pinRefused`), the configuration
 * version offered and the commands delivered (unchecked: the caller verifies
 * them). Throws the client's typed errors.
 */
export async function sendHeartbeat(options: HeartbeatOptions): Promise<HeartbeatAck> {
  const now = options.now ?? Date.now;
  const q = options.store.queueStatus();
  const acked = options.store.config.get(AUDIT_ACK_KEY);
  const proof = typeof acked === 'number' ? { id: acked, hash: options.store.audit.hashAt(acked) } : null;
  const reply = await options.client.heartbeat({
    deviceId: options.client.deviceId,
    version: options.version,
    sentAt: new Date(now()).toISOString(),
    queue: { pending: q.pending + q.inFlight, needsAttention: q.needsAttention, oldestPendingAgeSeconds: q.oldestPendingAgeSeconds },
    devices: options.devices ?? [],
    alerts: [...options.store.alerts(), ...(options.alerts ?? [])],
    audit: { head: options.store.audit.head(), proof },
    ...(options.keyProtection === undefined ? {} : { keyProtection: options.keyProtection }),
    ...(options.health ? { health: options.health } : {}),
  });
  if (typeof reply.body.auditAck === 'number') options.store.config.set(AUDIT_ACK_KEY, reply.body.auditAck);
  if (reply.platformTime) options.store.config.set(CLOCK_KEY, clockReading(reply.platformTime, reply.sentAt, reply.receivedAt));
  const pin = parsePinnedVersion(reply.body.pinnedVersion);
  const fleet = {
    ...(typeof reply.body.configVersion === 'number' ? { configVersion: reply.body.configVersion } : {}),
    ...(reply.body.commands && reply.body.commands.length > 0 ? { commands: reply.body.commands } : {}),
  };
  return pin.ok ? { pinnedVersion: pin.version, ...fleet } : { pinnedVersion: null, pinRefused: true, ...fleet };
}
