import { afterEach, describe, expect, it } from 'vitest';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { BASIC_FAULTS } from '../../drivers/idcard/sim/faults';
import { IdCardSimulator, loadSimCard, openIdCardReader, SAMPLE_CARDS, SW3_FAILURE_CODES, sw3Hex, type IdCardReader, type IdCardReaderOptions, type IdCardSimulatorOptions } from '../../drivers/idcard/index';
import { createPtyPair, hasSocat, type PtyPair } from '../support/pty-pair';
import { rejection } from './support';

const socat = hasSocat();
if (!socat) console.warn('tests/idcard/pty.test.ts: skipped because socat is not installed (apt-get install socat)');

interface PtyRig {
  pty: PtyPair;
  /** Set when a test killed socat itself: PtyPair.destroy() must not run twice (it would wait for a second exit). */
  destroyed?: boolean;
  reader: IdCardReader;
  sim: IdCardSimulator;
}

let rig: PtyRig | null = null;
afterEach(async () => {
  if (!rig) return;
  await rig.reader.close().catch(() => undefined);
  await rig.sim.close().catch(() => undefined);
  if (!rig.destroyed) await rig.pty.destroy();
  rig = null;
});

async function ptyRig(simOptions: IdCardSimulatorOptions, readerOptions: Partial<IdCardReaderOptions> = {}): Promise<PtyRig> {
  const pty = await createPtyPair();
  const simPort = await openSerialBytePort({ path: pty.simEnd });
  const kioskPort = await openSerialBytePort({ path: pty.kioskEnd });
  const sim = new IdCardSimulator(simPort, simOptions);
  const reader = openIdCardReader(kioskPort, { name: 'idcard', simulated: true, pollIntervalMs: 50, ...readerOptions });
  rig = { pty, reader, sim };
  return rig;
}

const resident = () => loadSimCard(SAMPLE_CARDS.resident);

describe.skipIf(!socat)('ID card reader over a socat pty pair with the real serialport binding', () => {
  it.each(Object.entries(SAMPLE_CARDS))('reads the %s card', async (_key, path) => {
    const { reader } = await ptyRig({ card: loadSimCard(path) });
    const data = await reader.read({ fingerprint: true });
    expect(data.cardType).toBe(loadSimCard(path).cardType);
    expect(data.idNumberValid).toBe(true);
    expect(Buffer.from(data.photoWlt, 'base64').length).toBe(1024);
  });

  it('no-card: SW3 80 after the wait', async () => {
    const { reader } = await ptyRig({ card: resident(), fault: 'no-card' });
    expect((await rejection(reader.read({ waitMs: 200 }))).classCode).toBe('80');
  });

  it.each(['slow-card', 'split-frames', 'noise', 'sw3-41-once', 'sw3-81-once', 'bad-checksum-once'])('%s: the read still succeeds', async (fault) => {
    const { reader } = await ptyRig({ card: resident(), fault, slowCardMs: 300 });
    expect((await reader.read()).name).toBe('李晓明');
  });

  it('removed-mid-read: SW3 41', async () => {
    const { reader } = await ptyRig({ card: resident(), fault: 'removed-mid-read' });
    expect((await rejection(reader.read())).classCode).toBe('41');
  });

  it('bad-checksum: ProtocolError after retries', async () => {
    const { reader } = await ptyRig({ card: resident(), fault: 'bad-checksum' });
    expect((await rejection(reader.read())).kind).toBe('ProtocolError');
  });

  it('disconnect: the simulator drops the line mid-reply; over a pty the kiosk end only sees silence', async () => {
    // socat keeps the kiosk end open when the other end closes, like a cable cut behind a USB-serial adapter.
    const { reader } = await ptyRig({ card: resident(), fault: 'disconnect' }, { timeouts: { readText: 500 } });
    const e = await rejection(reader.read());
    expect(e.kind).toBe('DeviceTimeout');
    expect(reader.status.state).toBe('offline');
  });

  it('mute: DeviceTimeout and the status goes offline', async () => {
    const { reader } = await ptyRig({ card: resident(), fault: 'mute' }, { timeouts: { samStatus: 200 } });
    expect((await rejection(reader.read())).kind).toBe('DeviceTimeout');
    expect(reader.status.state).toBe('offline');
  });

  it.each(SW3_FAILURE_CODES.map((c) => [sw3Hex(c)]))('sw3-%s: IdCardError with that code', async (hex) => {
    const { reader } = await ptyRig({ card: resident(), fault: `sw3-${hex.toLowerCase()}` });
    expect((await rejection(reader.read())).classCode).toBe(hex);
  });

  it('covers every basic fault in this file', () => {
    expect([...BASIC_FAULTS].sort()).toEqual(['bad-checksum', 'disconnect', 'mute', 'no-card', 'noise', 'removed-mid-read', 'slow-card', 'split-frames']);
  });

  it('the port vanishing mid-read (socat killed) rejects DeviceDisconnected and goes noDevice', async () => {
    const { reader, pty } = await ptyRig({ card: resident(), fault: 'slow-card', slowCardMs: 2000 });
    // Handle the rejection from the start: it may arrive while socat is still being killed.
    const failed = rejection(reader.read());
    await new Promise((r) => setTimeout(r, 300));
    await pty.destroy();
    rig!.destroyed = true;
    const e = await failed;
    expect(e.kind).toBe('DeviceDisconnected');
    expect(reader.status.state).toBe('noDevice');
  });
});
