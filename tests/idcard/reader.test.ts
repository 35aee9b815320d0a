import { afterEach, describe, expect, it } from 'vitest';
import { DeviceStatusSchema, type DeviceStatus } from '../../common/contract/schemas';
import { EDGE_CASE_CARDS, IdCardError, SAMPLE_CARDS, SW3_FAILURE_CODES, sw3Hex, type IdCardData } from '../../drivers/idcard/index';
import type { DeviceError } from '../../drivers/base/errors';
import { loadSimCard, rejection, simRig, until, type SimRig } from './support';

let rig: SimRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const resident = () => loadSimCard(SAMPLE_CARDS.resident);

describe('IdCardReader over an in-process pipe', () => {
  it.each(Object.entries(SAMPLE_CARDS))('reads the %s sample', async (_key, path) => {
    rig = simRig({ card: loadSimCard(path) });
    const data = await rig.reader.read();
    expect(data.cardType).toBe(loadSimCard(path).cardType);
    expect(data.idNumberValid).toBe(true);
    expect(Buffer.from(data.photoWlt, 'base64').length).toBe(1024);
    expect(data.fingerprint).toBeNull();
    expect(rig.reader.status.state).toBe('online');
  });

  it('reads fingerprints honouring the third length field', async () => {
    rig = simRig({ card: loadSimCard(SAMPLE_CARDS.hmt) });
    const data = await rig.reader.read({ fingerprint: true });
    expect(Buffer.from(data.fingerprint!, 'base64').length).toBe(512);
    expect(data.passNumber).toBe('H12345678');
  });

  it('falls back to text + photo when the card has no fingerprint (SW3 91)', async () => {
    rig = simRig({ card: resident() });
    const data = await rig.reader.read({ fingerprint: true });
    expect(data.fingerprint).toBeNull();
    expect(data.name).toBe('李晓明');
  });

  it('reads the appended address, and null when there is none', async () => {
    rig = simRig({ card: loadSimCard(EDGE_CASE_CARDS.longTerm) });
    const withAddr = await rig.reader.readWithExtras({ appendedAddress: true });
    expect(withAddr.appendedAddress).toBe('北京市朝阳区示例小区6号楼2单元101');
    expect(withAddr.data.validTo).toBe('long-term');
    rig.sim.insertCard(resident());
    expect((await rig.reader.readWithExtras({ appendedAddress: true })).appendedAddress).toBeNull();
  });

  it('returns the 16-byte SAM id and resets the SAM', async () => {
    rig = simRig();
    expect((await rig.reader.samId()).length).toBe(16);
    await expect(rig.reader.reset()).resolves.toBeUndefined();
  });

  it('flags an expired card and a bad check digit', async () => {
    rig = simRig({ card: loadSimCard(EDGE_CASE_CARDS.expired) }, { now: () => new Date(2026, 0, 1) });
    expect((await rig.reader.read()).expired).toBe(true);
    rig.sim.insertCard(loadSimCard(EDGE_CASE_CARDS.badCheckDigit));
    expect((await rig.reader.read()).idNumberValid).toBe(false);
  });

  it('rejects SW3 80 (NoMedia) when no card comes within waitMs', async () => {
    rig = simRig();
    const started = Date.now();
    const e = await rejection(rig.reader.read({ waitMs: 150 }));
    expect(e).toBeInstanceOf(IdCardError);
    expect([e.kind, e.classCode]).toEqual(['NoMedia', '80']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('waits for a card presented during waitMs', async () => {
    rig = simRig();
    const pending = rig.reader.read({ waitMs: 2000 });
    setTimeout(() => rig?.sim.insertCard(resident()), 100);
    expect((await pending).name).toBe('李晓明');
  });
});

describe('faults', () => {
  const nonRetryableCardCodes = SW3_FAILURE_CODES.filter((c) => c !== 0x80);
  it.each(nonRetryableCardCodes.map((c) => [sw3Hex(c)]))('sw3-%s rejects with IdCardError of that code', async (hex) => {
    rig = simRig({ card: resident(), fault: `sw3-${hex.toLowerCase()}` });
    const e = await rejection(rig.reader.read());
    expect(e).toBeInstanceOf(IdCardError);
    expect(e.classCode).toBe(hex);
  });

  it('sw3-80 behaves as no card', async () => {
    rig = simRig({ card: resident(), fault: 'sw3-80' });
    expect((await rejection(rig.reader.read())).classCode).toBe('80');
  });

  it('retries 41 and 81 once and then succeeds', async () => {
    for (const fault of ['sw3-41-once', 'sw3-81-once']) {
      rig = simRig({ card: resident(), fault });
      expect((await rig.reader.read()).name).toBe('李晓明');
      expect(rig.sim.activeFault).toBeNull();
      await rig.close();
      rig = null;
    }
  });

  it('reports SAM 60/66 as hardwareError status', async () => {
    rig = simRig({ card: resident(), fault: 'sw3-60' });
    const e = await rejection(rig.reader.read());
    expect(e.kind).toBe('HardwareError');
    expect(rig.reader.status.state).toBe('hardwareError');
  });

  it('no-card', async () => {
    rig = simRig({ card: resident(), fault: 'no-card' });
    expect((await rejection(rig.reader.read())).classCode).toBe('80');
  });

  it('slow-card still reads within the read timeout', async () => {
    rig = simRig({ card: resident(), fault: 'slow-card', slowCardMs: 300 });
    const t = Date.now();
    expect((await rig.reader.read()).name).toBe('李晓明');
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it('slow-card beyond the read timeout is a DeviceTimeout and the status goes offline', async () => {
    rig = simRig({ card: resident(), fault: 'slow-card', slowCardMs: 400 }, { timeouts: { readText: 100 } });
    expect((await rejection(rig.reader.read())).kind).toBe('DeviceTimeout');
    expect(rig.reader.status.state).toBe('offline');
  });

  it('removed-mid-read reports the read failure (41), not "no card"', async () => {
    rig = simRig({ card: resident(), fault: 'removed-mid-read' });
    const e = await rejection(rig.reader.read());
    expect(e.classCode).toBe('41');
  });

  it('bad-checksum is retried, then a ProtocolError', async () => {
    rig = simRig({ card: resident(), fault: 'bad-checksum-once' });
    expect((await rig.reader.read()).name).toBe('李晓明');
    rig.sim.setFault('bad-checksum');
    const e = await rejection(rig.reader.read());
    expect([e.kind, e.classCode]).toEqual(['ProtocolError', null]);
  });

  it.each(['split-frames', 'noise'])('%s does not disturb a read', async (fault) => {
    rig = simRig({ card: loadSimCard(SAMPLE_CARDS.foreign2023), fault });
    for (let i = 0; i < 3; i++) expect((await rig.reader.read()).englishName).toBe('GARCIA LOPEZ, MARIA FERNANDA ELENA ISABEL');
  });

  it('disconnect mid-read rejects DeviceDisconnected and the status becomes noDevice', async () => {
    rig = simRig({ card: resident(), fault: 'disconnect' });
    const statuses: DeviceStatus[] = [];
    rig.reader.on('status', (s) => statuses.push(s));
    const e = await rejection(rig.reader.read());
    expect(e.kind).toBe('DeviceDisconnected');
    expect(rig.reader.status.state).toBe('noDevice');
    expect(statuses.at(-1)?.state).toBe('noDevice');
  });

  it('mute: DeviceTimeout and offline', async () => {
    rig = simRig({ card: resident(), fault: 'mute' }, { timeouts: { samStatus: 80 } });
    expect((await rejection(rig.reader.read())).kind).toBe('DeviceTimeout');
    expect(rig.reader.status.state).toBe('offline');
  });

  it('an unknown command is answered SW3 21 (raw passthrough)', async () => {
    rig = simRig();
    const session = (await import('../../drivers/idcard/index')).IdCardSession;
    const s = new session(rig.kioskPort);
    // A raw command that the module does not know.
    expect((await s.transact(0x77, 0x01, 500)).sw3).toBe(0x21);
    s.dispose();
  });
});

describe('presence polling', () => {
  it('emits cardPresented, cardRead and cardRemoved, and pushes status events', async () => {
    rig = simRig();
    const events: string[] = [];
    const reads: IdCardData[] = [];
    const statuses: DeviceStatus[] = [];
    rig.reader.on('status', (s) => statuses.push(s));
    rig.reader.on('cardPresented', () => events.push('presented'));
    rig.reader.on('cardRead', (d) => {
      events.push('read');
      reads.push(d);
    });
    rig.reader.on('cardRemoved', () => events.push('removed'));
    rig.reader.startPolling();
    await until(() => rig!.reader.status.state === 'online');
    rig.sim.insertCard(loadSimCard(SAMPLE_CARDS.foreign2017));
    await until(() => events.includes('read'));
    rig.sim.removeCard();
    await until(() => events.includes('removed'));
    expect(events).toEqual(['presented', 'read', 'removed']);
    expect(reads[0]!.englishName).toBe('SMITH, JOHN MICHAEL');
    for (const s of statuses) expect(DeviceStatusSchema.parse(s)).toEqual(s);
    expect(statuses.map((s) => s.state)).toContain('online');
  });

  it('emits readFailed then cardRemoved when the card is lifted mid-read', async () => {
    rig = simRig({ fault: 'removed-mid-read' });
    const events: string[] = [];
    const failures: DeviceError[] = [];
    rig.reader.on('cardPresented', () => events.push('presented'));
    rig.reader.on('readFailed', (e) => {
      events.push('failed');
      failures.push(e);
    });
    rig.reader.on('cardRemoved', () => events.push('removed'));
    rig.reader.startPolling();
    rig.sim.insertCard(resident());
    await until(() => events.includes('removed'));
    expect(events).toEqual(['presented', 'failed', 'removed']);
    expect(failures[0]!.classCode).toBe('41');
  });

  it('reads a card left on the reader once, not on every poll', async () => {
    rig = simRig({ card: resident() });
    let reads = 0;
    rig.reader.on('cardRead', () => reads++);
    rig.reader.startPolling();
    await until(() => reads === 1);
    const requestsAfterRead = rig.sim.requests;
    await until(() => rig!.sim.requests >= requestsAfterRead + 5);
    expect(reads).toBe(1);
  });

  it('says whether a card was there at the first poll; a card left unread is read only after rearm()', async () => {
    rig = simRig({ card: resident() });
    const presented: boolean[] = [];
    let reads = 0;
    let hold = true;
    rig.reader.on('cardPresented', (p) => {
      presented.push(p.initial);
      if (hold) p.leaveUnread();
    });
    let removed = 0;
    rig.reader.on('cardRead', () => reads++);
    rig.reader.on('cardRemoved', () => removed++);
    rig.reader.startPolling();
    await until(() => presented.length === 1);
    const before = rig.sim.requests;
    await until(() => rig!.sim.requests >= before + 5);
    expect(reads).toBe(0);
    hold = false;
    rig.reader.rearm();
    await until(() => reads === 1);
    expect(presented).toEqual([true, false]);
    rig.sim.removeCard();
    await until(() => removed === 1);
    rig.sim.insertCard(resident());
    await until(() => reads === 2);
    expect(presented).toEqual([true, false, false]);
  });

  it('recovers from offline to online when the reader answers again', async () => {
    rig = simRig({ fault: 'mute' }, { timeouts: { samStatus: 50, findCard: 50 } });
    rig.reader.startPolling();
    await until(() => rig!.reader.status.state === 'offline' && rig!.reader.status.error === 'reader not responding');
    rig.sim.setFault(null);
    await until(() => rig!.reader.status.state === 'online');
    rig.reader.stopPolling();
  });
});
