import { afterEach, describe, expect, it } from 'vitest';
import { createPtyPair, hasSocat, type PtyPair } from '../../tests/support/pty-pair';
import { isDeviceError } from './errors';
import { openSerialBytePort } from './serial-byte-port';

describe.skipIf(!hasSocat())('openSerialBytePort over a socat pty pair', () => {
  let pair: PtyPair | null = null;
  afterEach(async () => {
    await pair?.destroy();
    pair = null;
  });

  it('carries bytes both ways with the real serialport binding', async () => {
    pair = await createPtyPair();
    const a = await openSerialBytePort({ path: pair.kioskEnd });
    const b = await openSerialBytePort({ path: pair.simEnd });
    const got = new Promise<number[]>((resolve) => b.onData((chunk) => resolve([...chunk])));
    await a.write(Uint8Array.from([0xaa, 0x96, 0x69]));
    expect(await got).toEqual([0xaa, 0x96, 0x69]);
    await a.close();
    await b.close();
  });

  it('reports DeviceDisconnected when the cable vanishes (socat killed)', async () => {
    pair = await createPtyPair();
    const port = await openSerialBytePort({ path: pair.kioskEnd, presenceCheckMs: 100 });
    const closed = new Promise<Error | null>((resolve) => port.onClose(resolve));
    await pair.destroy();
    const error = await closed;
    expect(isDeviceError(error, 'DeviceDisconnected')).toBe(true);
    expect(port.isOpen).toBe(false);
    await expect(port.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  it('rejects with PortOpenFailed for a missing port', async () => {
    await expect(openSerialBytePort({ path: '/nonexistent/ttyKIOSK' })).rejects.toMatchObject({ kind: 'PortOpenFailed' });
  });

  it('names the missing port once, with the operating system\'s reason (not serialport\'s "Error: …, cannot open X")', async () => {
    const error = (await openSerialBytePort({ path: '/nonexistent/ttyKIOSK' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('cannot open /nonexistent/ttyKIOSK: No such file or directory');
  });
});
