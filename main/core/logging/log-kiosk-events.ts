import type { EventHub } from '../../../common/contract/event-hub';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { Logger } from '../../../common/logging/logger';

type Fields = Record<string, unknown>;

/**
 * What each core event becomes in the log: only the fields a technician
 * needs (device state, job state and reason, session stage, connectivity),
 * picked one by one so a payload never rides along whole. Events not named
 * here are not logged.
 */
type Line = { event: string; fields: Fields; level?: 'info' | 'warn' };

/** The layer each logged event comes from (the `part` field of the line). */
const PART: Record<string, string> = {
  'devices:onStatusChanged': 'drivers',
  'printer:onJobChanged': 'core',
  'session:onChanged': 'core',
  'session:onIdentifyFailed': 'core',
  'connectivity:onChanged': 'uplink',
  'catalogue:onUpdated': 'offline-cache',
};

const LINES: Record<string, (payload: Fields) => Line> = {
  'devices:onStatusChanged': (s) => ({ event: 'device.status', fields: { device: s.device, name: s.name, state: s.state, simulated: s.simulated, error: s.error ?? null }, level: s.state === 'online' || s.state === 'busy' ? 'info' : 'warn' }),
  'printer:onJobChanged': (j) => (j.state === 'printing' ? { event: 'print.job', fields: { jobId: j.jobId, kind: j.kind, state: j.state } } : { event: 'print.job', fields: { jobId: j.jobId, kind: j.kind, state: j.state, reason: j.reason ?? null }, level: j.state === 'failed' ? 'warn' : 'info' }),
  'session:onChanged': (v) => ({ event: 'session.stage', fields: { sessionId: v.sessionId, stage: v.stage } }),
  'session:onIdentifyFailed': (f) => ({ event: 'session.identify-failed', fields: { code: f.code }, level: 'warn' }),
  'connectivity:onChanged': (c) => ({ event: 'connectivity', fields: { state: c.state, pending: c.pending, lastContactAt: c.lastContactAt } }),
  'catalogue:onUpdated': (c) => ({ event: 'catalogue.updated', fields: { catalogueVersion: c.catalogueVersion } }),
};

/** The same stage or state repeated (e.g. progress updates) is logged once. */
function dedupeKey(channel: string, fields: Fields): string {
  return `${channel}:${JSON.stringify(fields)}`;
}

/**
 * Writes one log line per meaningful core event (device status, print job
 * state, session stage, connectivity, catalogue). Returns the unsubscribe
 * function.
 */
export function logKioskEvents(events: EventHub<KioskContract>, logger: Logger): () => void {
  let last = '';
  const parts = new Map(Object.entries(PART).map(([channel, part]) => [channel, logger.child({ part })]));
  return events.subscribe((channel, payload) => {
    const line = LINES[channel];
    if (!line || payload === null || typeof payload !== 'object') return;
    const { event, fields, level } = line(payload as Fields);
    const key = dedupeKey(channel, fields);
    if (key === last) return;
    last = key;
    (parts.get(channel) ?? logger)[level ?? 'info'](event, fields);
  });
}
