import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isDeviceError } from '../../drivers/base/errors';
import { openTcpBytePort, socketBytePort } from '../../drivers/base/tcp-byte-port';
import { openReceiptPrinter, ReceiptPrinterSimulator, receiptText } from '../../drivers/receipt-printer/index';
import { sampleReceipt } from './sample-receipt';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

describe('raw TCP transport (port 9100 style)', () => {
  it('prints through openTcpBytePort to a simulator behind a TCP listener', async () => {
    const sims: ReceiptPrinterSimulator[] = [];
    server = createServer((socket) => sims.push(new ReceiptPrinterSimulator(socketBytePort(socket))));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    const port = await openTcpBytePort('127.0.0.1', address.port);
    const printer = openReceiptPrinter(port, { name: 'receipt-net', simulated: true });
    await printer.print(sampleReceipt());
    await printer.close();
    expect(sims).toHaveLength(1);
    expect(receiptText(sims[0]!.printed[0]!)[0]).toBe('受理回执');
  });

  it('rejects PortOpenFailed when nothing listens', async () => {
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    const e = await openTcpBytePort('127.0.0.1', address.port).catch((err: unknown) => err);
    expect(isDeviceError(e, 'PortOpenFailed')).toBe(true);
  });
});
