import type { MethodsOf } from '../../../common/contract/define';
import type { EventHub } from '../../../common/contract/event-hub';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { ConnectivityState, DeviceStatus, KeyProtection, QueueCounts, TechnicianStatus } from '../../../common/contract/schemas';

/** Where the technician's status summary is read from (all cheap, none personal). */
export interface TechnicianStatusSources {
  version: string;
  deviceId: string;
  /** What protects the data key at rest (fixed for the life of the core). */
  keyProtection: KeyProtection;
  /** Every device's latest status (the device registry). */
  devices(): DeviceStatus[];
  /** Outbox counts; may throw a storage error, which `technician.status` reports like any other. */
  queue(): QueueCounts;
  connectivity(): ConnectivityState;
  /** Clock; default `new Date()`. */
  now?: () => Date;
}

/** Channels after which the summary has changed and is pushed again. */
const STATUS_INPUTS = new Set(['devices:onStatusChanged', 'connectivity:onChanged']);

/** The summary now. Copies the queue counts field by field, so nothing else a store might return can ride along. */
export function technicianStatus(sources: TechnicianStatusSources): TechnicianStatus {
  const q = sources.queue();
  return {
    version: sources.version,
    deviceId: sources.deviceId,
    devices: sources.devices(),
    connectivity: sources.connectivity(),
    keyProtection: sources.keyProtection,
    queue: { pending: q.pending, inFlight: q.inFlight, accepted: q.accepted, rejected: q.rejected, needsAttention: q.needsAttention, oldestPendingAgeSeconds: q.oldestPendingAgeSeconds },
    at: (sources.now?.() ?? new Date()).toISOString(),
  };
}

/**
 * The `technician` service (role `technician`: the dispatcher refuses it on
 * every connection the host has not granted that role). `status` answers the
 * summary; with `events`, a fresh summary is emitted as
 * `technician:onStatusChanged` after every device or connectivity change
 * (the hosts push it only to technician connections). A summary that cannot
 * be read (storage error) is skipped, not emitted half-filled. The
 * subscription lives as long as the hub.
 */
export function technicianMethods(sources: TechnicianStatusSources, events?: EventHub<KioskContract>): Pick<MethodsOf<KioskContract['technician']>, 'status'> {
  events?.subscribe((channel) => {
    if (!STATUS_INPUTS.has(channel)) return;
    let status: TechnicianStatus;
    try {
      status = technicianStatus(sources);
    } catch {
      return;
    }
    events.emit('technician', 'onStatusChanged', status);
  });
  return {
    status: async () => technicianStatus(sources),
  };
}
