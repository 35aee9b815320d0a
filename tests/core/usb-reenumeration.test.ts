import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import type { ListedSerialPort } from '../../drivers/base/usb-port-finder';
import { ReceiptPrinterSimulator, receiptText } from '../../drivers/receipt-printer/index';
import { loadConfig } from '../../main/core/config';
import { createDevices } from '../../main/core/devices/create-devices';
import { DeviceRegistry } from '../../main/core/devices/device-registry';
import { sampleReceipt } from '../receipt-printer/sample-receipt';
import { createPtyPair, type PtyPair } from '../support/pty-pair';
import { tempDir } from './support/temp-dir';
import { waitUntil } from './support/wait-until';

/**
 * A USB receipt printer unplugged and plugged back comes up at another
 * path (ttyUSB0 → ttyUSB1, COM3 → COM5). Configured by vendor/product id
 * and serial number, it is found again there. Real ptys (socat) stand for
 * the two enumerations; only the port list — what the OS reports — is
 * scripted, because a pty has no USB descriptor.
 */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const USB = { vendorId: '0483', productId: '5720', serialNumber: 'PRN-0001' };

async function plugSimulatorInto(pair: PtyPair): Promise<ReceiptPrinterSimulator> {
  const sim = new ReceiptPrinterSimulator(await openSerialBytePort({ path: pair.simEnd, baudRate: 115200 }));
  cleanups.push(() => sim.close().catch(() => undefined));
  return sim;
}

describe('a serial device configured by USB ids', () => {
  it('is reopened at its new path after re-enumeration, and prints there', async () => {
    const t = tempDir('kiosk-usb-');
    cleanups.push(t.cleanup);
    let listed: ListedSerialPort[] = [];
    const first = await createPtyPair();
    cleanups.push(() => first.destroy());
    const firstSim = await plugSimulatorInto(first);
    // Another USB-serial adapter is attached too; it must never be taken for the printer.
    listed = [
      { path: '/dev/ttyUSB9', vendorId: '1a86', productId: '7523' },
      { path: first.kioskEnd, ...USB },
    ];

    const registry = new DeviceRegistry(new EventHub<KioskContract>());
    const devices = createDevices(loadConfig({ dataDir: t.dir, devices: { receiptPrinter: { mode: 'serial', usb: USB } } }, {}), registry, {
      onIdCard: () => undefined,
      onScanner: () => undefined,
      listPorts: async () => listed,
    });
    cleanups.push(() => devices.close());
    await waitUntil(() => registry.get('receipt-printer')?.state === 'online', 'printer online at its first path', 10_000);
    await devices.receiptPrinter()!.print(sampleReceipt());
    expect(firstSim.printed).toHaveLength(1);

    // Unplugged: the first path vanishes; it comes back at a new one.
    await first.destroy();
    listed = listed.filter((p) => p.path !== first.kioskEnd);
    await waitUntil(() => registry.get('receipt-printer')?.state === 'noDevice', 'printer noDevice after unplug', 15_000);
    const second = await createPtyPair();
    cleanups.push(() => second.destroy());
    expect(second.kioskEnd).not.toBe(first.kioskEnd);
    const secondSim = await plugSimulatorInto(second);
    listed = [...listed, { path: second.kioskEnd, ...USB }];

    await waitUntil(() => registry.get('receipt-printer')?.state === 'online', 'printer online at its new path', 15_000);
    await devices.receiptPrinter()!.print({ ...sampleReceipt(), title: '重新枚举后' });
    expect(secondSim.printed.map((r) => receiptText(r)[0])).toEqual(['重新枚举后']);
  }, 40_000);

  it('a device with the same ids but another serial number is not taken', async () => {
    const t = tempDir('kiosk-usb-');
    cleanups.push(t.cleanup);
    const other = await createPtyPair();
    cleanups.push(() => other.destroy());
    const registry = new DeviceRegistry(new EventHub<KioskContract>());
    const devices = createDevices(loadConfig({ dataDir: t.dir, devices: { receiptPrinter: { mode: 'serial', usb: USB } } }, {}), registry, {
      onIdCard: () => undefined,
      onScanner: () => undefined,
      listPorts: async () => [{ path: other.kioskEnd, ...USB, serialNumber: 'PRN-0002' }],
    });
    cleanups.push(() => devices.close());
    await waitUntil(() => registry.get('receipt-printer')?.state === 'noDevice', 'printer noDevice', 10_000);
    expect(registry.get('receipt-printer')?.error).toBe('USB device 0483:5720 serial PRN-0001 is not attached');
    expect(devices.receiptPrinter()).toBeNull();
  });
});
