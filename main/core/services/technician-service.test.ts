import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../common/contract/event-hub';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { DeviceStatus, QueueCounts } from '../../../common/contract/schemas';
import { TechnicianStatusSchema } from '../../../common/contract/schemas';
import { technicianMethods, technicianStatus, type TechnicianStatusSources } from './technician-service';

const printer: DeviceStatus = { device: 'receiptPrinter', name: 'receipt-printer', state: 'online', simulated: true, paper: 'ok', error: null, updatedAt: '2026-01-01T00:00:00.000Z' };

function sources(over: Partial<TechnicianStatusSources> = {}): TechnicianStatusSources {
  return {
    version: '1.2.3',
    deviceId: 'KIOSK-1',
    keyProtection: 'tpm2',
    devices: () => [printer],
    // A store that returned more than counts: none of it may reach the summary.
    queue: () => ({ pending: 4, inFlight: 1, accepted: 9, rejected: 0, needsAttention: 1, oldestPendingAgeSeconds: 75, lastPayload: { name: '李晓明' } }) as QueueCounts,
    connectivity: () => 'degraded',
    now: () => new Date('2026-02-03T04:05:06.000Z'),
    ...over,
  };
}

describe('technician status', () => {
  it('summarises version, devices, connectivity and queue counts, copying counts only', () => {
    const status = technicianStatus(sources());
    expect(status).toEqual({
      version: '1.2.3',
      deviceId: 'KIOSK-1',
      devices: [printer],
      connectivity: 'degraded',
      queue: { pending: 4, inFlight: 1, accepted: 9, rejected: 0, needsAttention: 1, oldestPendingAgeSeconds: 75 },
      keyProtection: 'tpm2',
      at: '2026-02-03T04:05:06.000Z',
    });
    expect(JSON.stringify(status)).not.toContain('李晓明');
    expect(TechnicianStatusSchema.safeParse(status).success).toBe(true);
  });

  it('emits a fresh summary after a device or connectivity change, and on nothing else', () => {
    const events = new EventHub<KioskContract>();
    let pending = 0;
    technicianMethods(sources({ queue: () => ({ pending: pending++, inFlight: 0, accepted: 0, rejected: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 }) }), events);
    const seen: Array<[string, unknown]> = [];
    events.subscribe((channel, payload) => seen.push([channel, payload]));
    events.emit('devices', 'onStatusChanged', printer);
    events.emit('catalogue', 'onUpdated', { catalogueVersion: 2 });
    events.emit('connectivity', 'onChanged', { state: 'online', pending: 0, lastContactAt: null });
    const pushed = seen.filter(([c]) => c === 'technician:onStatusChanged').map(([, p]) => (p as { queue: QueueCounts }).queue.pending);
    expect(pushed).toEqual([0, 1]);
  });

  it('skips the event when the store cannot be read, and the method reports the error', async () => {
    const events = new EventHub<KioskContract>();
    const broken = sources({ queue: () => { throw new Error('disk I/O error'); } });
    const methods = technicianMethods(broken, events);
    const seen: string[] = [];
    events.subscribe((channel) => seen.push(channel));
    events.emit('devices', 'onStatusChanged', printer);
    expect(seen).toEqual(['devices:onStatusChanged']);
    await expect(methods.status({}, { connection: { id: 'x', transport: 'test', has: () => true, roles: () => [], isOpen: () => true } })).rejects.toThrow('disk I/O error');
  });
});
