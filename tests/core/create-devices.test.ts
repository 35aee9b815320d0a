import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import type { DeviceStatus } from '../../common/contract/schemas';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import type { Scanner } from '../../drivers/scanner/interface';
import { loadConfig, type KioskConfigInput } from '../../main/core/config';
import { createDevices, type KioskDevices } from '../../main/core/devices/create-devices';
import { DeviceRegistry } from '../../main/core/devices/device-registry';
import { createPtyPair, hasSocat, type PtyPair } from '../support/pty-pair';
import { EventLog } from './support/event-log';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function setup(devices: KioskConfigInput['devices']) {
  const t = tempDir('kiosk-devices-');
  cleanups.push(t.cleanup);
  const hub = new EventHub<KioskContract>();
  const log = new EventLog(hub);
  const registry = new DeviceRegistry(hub);
  const scanners: Scanner[] = [];
  const created: KioskDevices = createDevices(loadConfig({ dataDir: t.dir, devices }, {}), registry, {
    onIdCard: () => undefined,
    onScanner: (s) => scanners.push(s),
  });
  cleanups.push(() => created.close());
  return { registry, log, devices: created, scanners };
}

describe('createDevices', () => {
  it('with the defaults plugs every simulator in-process and reports them simulated', async () => {
    const { registry, devices } = setup(undefined);
    await waitUntil(() => registry.list().length === 3, 'three device statuses');
    expect(registry.list().map((s) => [s.name, s.device, s.simulated])).toEqual([
      ['idcard', 'idcard', true],
      ['receipt-printer', 'receiptPrinter', true],
      ['scanner', 'scanner', true],
    ]);
    expect(devices.simulators.idcard).not.toBeNull();
    expect(devices.simulators.receiptPrinter).not.toBeNull();
    expect(devices.simulators.scanner).not.toBeNull();
  });

  it('a configured serial port that is missing is reported noDevice, not thrown, and the others still work', async () => {
    const { registry, log, devices } = setup({ idcard: { mode: 'serial', port: join(scratchDir(), 'ttyMISSING') } });
    await waitUntil(() => registry.get('idcard')?.state === 'noDevice', 'idcard noDevice');
    const status = registry.get('idcard')!;
    expect(status).toMatchObject({ device: 'idcard', state: 'noDevice', simulated: false });
    expect(status.error).toContain('ttyMISSING');
    expect(devices.idcard()).toBeNull();
    expect(devices.simulators.idcard).toBeNull();
    expect(registry.get('receipt-printer')?.simulated).toBe(true);
    expect(log.of<DeviceStatus>('devices:onStatusChanged').some((s) => s.name === 'idcard' && s.state === 'noDevice')).toBe(true);
  });

  it.skipIf(!hasSocat())('opens a serial device once its port appears, and reports noDevice again after it is unplugged', async () => {
    const path = join(scratchDir(), 'ttyScanner');
    const { registry, devices, scanners } = setup({ scanner: { mode: 'serial', port: path } });
    await waitUntil(() => registry.get('scanner')?.state === 'noDevice', 'scanner noDevice');

    const pty: PtyPair = await createPtyPair();
    cleanups.push(() => pty.destroy());
    symlinkSync(pty.kioskEnd, path);
    await waitUntil(() => registry.get('scanner')?.state === 'online', 'scanner online after the port appeared', 15_000);
    expect(registry.get('scanner')?.simulated).toBe(false);
    expect(devices.scanner()).not.toBeNull();

    const scanned: string[] = [];
    scanners[0]!.on('scanned', ({ payload }) => scanned.push(payload));
    const other = await openSerialBytePort({ path: pty.simEnd, baudRate: 9600 });
    await other.write(new TextEncoder().encode('EID:test\r'));
    await waitUntil(() => scanned.length === 1, 'a scan over the real serial binding');
    expect(scanned).toEqual(['EID:test']);
    await other.close();

    await pty.destroy();
    await waitUntil(() => registry.get('scanner')?.state === 'noDevice', 'scanner noDevice after unplug', 15_000);
  });
});

/** A fresh empty directory, removed after the test. */
function scratchDir(): string {
  const t = tempDir('kiosk-nodev-');
  cleanups.push(t.cleanup);
  return t.dir;
}
