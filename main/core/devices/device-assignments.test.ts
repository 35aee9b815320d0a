import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { assignDevice, DEVICE_ASSIGNMENTS_CONFIG_KEY, readDeviceAssignments, withDeviceAssignments } from './device-assignments';

function memory(initial: Record<string, unknown> = {}) {
  const m = new Map(Object.entries(initial));
  return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v) };
}

const PORT = { path: '/dev/ttyUSB3', vendorId: '0483', productId: '5720', serialNumber: 'SN-1', manufacturer: 'X' };

describe('device assignments', () => {
  it('one per role: a second assignment of a role replaces the first', () => {
    const s = memory();
    assignDevice(s, 'scanner', PORT, 'tech-1', new Date('2026-01-01T00:00:00Z'));
    assignDevice(s, 'scanner', { ...PORT, path: '/dev/ttyACM0' }, 'tech-2', new Date('2026-01-02T00:00:00Z'));
    assignDevice(s, 'idcard', PORT, 'tech-2');
    expect(readDeviceAssignments(s).map((a) => [a.role, a.port, a.by])).toEqual([
      ['scanner', '/dev/ttyACM0', 'tech-2'],
      ['idcard', '/dev/ttyUSB3', 'tech-2'],
    ]);
  });

  it('an unreadable record counts as none', () => {
    expect(readDeviceAssignments(memory({ [DEVICE_ASSIGNMENTS_CONFIG_KEY]: [{ role: 'camera' }] }))).toEqual([]);
  });

  it('applied over the configuration: the role becomes a real serial device found by its USB ids', () => {
    const config = loadConfig({ dataDir: '/tmp/x', devices: { receiptPrinter: { mode: 'tcp', host: '10.0.0.9' } } }, {});
    const s = memory();
    assignDevice(s, 'receiptPrinter', PORT, 'tech-1');
    const applied = withDeviceAssignments(config, readDeviceAssignments(s));
    expect(applied.devices.receiptPrinter).toMatchObject({ mode: 'serial', port: '/dev/ttyUSB3', usb: { vendorId: '0483', productId: '5720', serialNumber: 'SN-1' } });
    expect(applied.devices.idcard).toEqual(config.devices.idcard);
    expect(withDeviceAssignments(config, [])).toBe(config);
  });
});
