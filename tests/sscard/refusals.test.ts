import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SS_SAMPLE_CARDS } from '../../drivers/sscard/index';
import { hasPcscd } from './pcscd';
import { stopFileRig, vpcdRig, type VpcdRig } from './support';

afterAll(stopFileRig);

/** Every refusal of the reader, each through the real PC/SC stack (pcscd → libpcsclite → smartcard). */
describe.skipIf(!hasPcscd())('social-security card refusals through a real pcscd', () => {
  let rig: VpcdRig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it('no-reader: no PC/SC reader matches (status noDevice)', async () => {
    rig = await vpcdRig({ reader: { readerName: 'No Such Reader' } });
    await expect(rig.reader.read()).rejects.toMatchObject({ refusal: 'no-reader', kind: 'DeviceDisconnected', classCode: 'no-reader' });
    expect(rig.reader.status.state).toBe('noDevice');
  });

  it('no-card: nothing in the reader within the wait, and the wait is honoured', async () => {
    rig = await vpcdRig();
    const started = Date.now();
    await expect(rig.reader.read({ waitMs: 600 })).rejects.toMatchObject({ refusal: 'no-card', kind: 'NoMedia' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(rig.reader.status.state).toBe('online');
  });

  it('card-removed: the card leaves the reader in the middle of the read (after EF05, at EF06)', async () => {
    rig = await vpcdRig({ fault: 'remove-mid-read' });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).rejects.toMatchObject({ refusal: 'card-removed', kind: 'NoMedia', classCode: 'card-removed' });
    expect(rig.present()).toBe(false);
  });

  it('unknown-card: a card without the SSSE application (6A82)', async () => {
    rig = await vpcdRig({ cardPath: SS_SAMPLE_CARDS.notSsCard });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).rejects.toMatchObject({ refusal: 'unknown-card', sw: 0x6a82, kind: 'InvalidData' });
  });

  it('malformed-reply: a record with the wrong tag', async () => {
    rig = await vpcdRig({ fault: 'malformed-record' });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).rejects.toMatchObject({ refusal: 'malformed-reply', kind: 'ProtocolError', message: expect.stringContaining('READ RECORD 08') });
  });

  it('malformed-reply: a reply without status word while the card stays in the reader', async () => {
    rig = await vpcdRig({ fault: 'truncated-reply' });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).rejects.toMatchObject({ refusal: 'malformed-reply', message: expect.stringContaining('SELECT SSSE') });
    expect(rig.present()).toBe(true);
  });

  it('card-refused: records behind a PIN (6982) are refused, and no PIN is ever sent', async () => {
    rig = await vpcdRig({ fault: 'pin-required' });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).rejects.toMatchObject({ refusal: 'card-refused', sw: 0x6982 });
  });

  it('an expired card is read, and flagged expired', async () => {
    rig = await vpcdRig({ cardPath: SS_SAMPLE_CARDS.expired });
    await rig.insert();
    await expect(rig.reader.read({ waitMs: 2000 })).resolves.toMatchObject({ validTo: '2020-01-14', expired: true });
  });
});
