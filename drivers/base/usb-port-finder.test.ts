import { describe, expect, it } from 'vitest';
import { isDeviceError } from './errors';
import { findSerialPath, type ListedSerialPort } from './usb-port-finder';

const listing = (ports: ListedSerialPort[]) => async () => ports;
const PRINTER = { vendorId: '0483', productId: '5720' };

describe('findSerialPath', () => {
  it('without usb, the configured port as is', async () => {
    expect(await findSerialPath({ port: '/dev/ttyUSB0' }, listing([]))).toBe('/dev/ttyUSB0');
  });

  it('finds the device by vendor and product id wherever it enumerated (ids compared case-insensitively)', async () => {
    const ports = [
      { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' },
      { path: '/dev/ttyUSB3', vendorId: '0483', productId: '5720' },
    ];
    expect(await findSerialPath({ port: '/dev/ttyUSB0', usb: { vendorId: '0483', productId: '5720' } }, listing(ports))).toBe('/dev/ttyUSB3');
    expect(await findSerialPath({ usb: { vendorId: '0X0483', productId: '5720' } }, listing([{ path: 'COM7', vendorId: '0483', productId: '5720' }]))).toBe('COM7');
  });

  it('tells two identical devices apart by serial number, and prefers the configured port among equals', async () => {
    const ports = [
      { path: '/dev/ttyUSB1', ...PRINTER, serialNumber: 'A1' },
      { path: '/dev/ttyUSB2', ...PRINTER, serialNumber: 'B2' },
    ];
    expect(await findSerialPath({ usb: { ...PRINTER, serialNumber: 'B2' } }, listing(ports))).toBe('/dev/ttyUSB2');
    expect(await findSerialPath({ port: '/dev/ttyUSB2', usb: PRINTER }, listing(ports))).toBe('/dev/ttyUSB2');
    expect(await findSerialPath({ usb: PRINTER }, listing(ports))).toBe('/dev/ttyUSB1');
  });

  it('falls back to the configured port when the device is not listed; without one it is PortOpenFailed naming the ids', async () => {
    expect(await findSerialPath({ port: '/dev/ttyS0', usb: PRINTER }, listing([]))).toBe('/dev/ttyS0');
    const e = await findSerialPath({ usb: { ...PRINTER, serialNumber: 'Z9' } }, listing([{ path: '/dev/ttyUSB1', ...PRINTER, serialNumber: 'A1' }])).catch((err: unknown) => err);
    expect(isDeviceError(e, 'PortOpenFailed')).toBe(true);
    expect((e as Error).message).toBe('USB device 0483:5720 serial Z9 is not attached');
  });

  it('a lister that fails counts as an empty list (the configured port is still tried)', async () => {
    expect(await findSerialPath({ port: '/dev/ttyUSB0', usb: PRINTER }, () => Promise.reject(new Error('udev down')))).toBe('/dev/ttyUSB0');
  });
});
