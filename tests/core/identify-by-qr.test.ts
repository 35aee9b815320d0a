import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdentifyFailure, SessionView } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { QR_PERSON } from './support/fixtures';
import { waitUntil } from './support/wait-until';
import { filledRequest, findItem, WALK_ITEM_NAME } from './support/walk';

const VALID = `EID:${QR_PERSON.idNumber}:${QR_PERSON.name}`;

describe('identification by QR e-ID (platform check) and by the simulated scanner', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCoreHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.ok('session:end', { reason: 'cancelled' });
  });

  it('session:identifyByQr with a valid EID code identifies the person, masked', async () => {
    const view = await h.ok<SessionView>('session:identifyByQr', { payload: VALID });
    expect(view.stage).toBe('identified');
    expect(view.identity).toEqual({ method: 'qr', maskedName: '王*', maskedIdNumber: '1101**********0011', cardType: 'resident', expired: false });
    // Not before the review step.
    expect(await h.fails('session:reveal')).toBe('forbidden');
    expect((await h.ok<{ ok: boolean }>('transactions:precheck', filledRequest(await findItem(h, WALK_ITEM_NAME)))).ok).toBe(true);
    expect(await h.ok('session:reveal')).toEqual({ name: QR_PERSON.name, idNumber: QR_PERSON.idNumber });
    expect(h.log.serialised()).not.toContain(QR_PERSON.idNumber);
    expect(h.log.serialised()).not.toContain(QR_PERSON.name);
  });

  it('a code whose ID number fails the check digit is rejected: invalid-payload, onIdentifyFailed qr-rejected, still idle', async () => {
    const bad = `EID:${QR_PERSON.idNumber.slice(0, 17)}9:${QR_PERSON.name}`;
    expect(await h.fails('session:identifyByQr', { payload: bad })).toBe('invalid-payload');
    expect(h.log.of<IdentifyFailure>('session:onIdentifyFailed').at(-1)?.code).toBe('qr-rejected');
    expect((await h.ok<SessionView>('session:current')).stage).toBe('idle');
  });

  it('a payload that is not an e-ID code at all is rejected', async () => {
    expect(await h.fails('session:identifyByQr', { payload: 'https://example.com/not-an-eid' })).toBe('invalid-payload');
    expect((await h.ok<SessionView>('session:current')).stage).toBe('idle');
  });

  it('a payload with control characters is refused before it reaches the platform', async () => {
    expect(await h.fails('session:identifyByQr', { payload: `EID:${QR_PERSON.idNumber}:王\u0007芳` })).toBe('invalid-payload');
    expect(h.log.of<IdentifyFailure>('session:onIdentifyFailed').at(-1)?.message).toContain('control characters');
  });

  it('a code scanned on the simulated scanner identifies the person (no renderer involved)', async () => {
    const seen = h.log.of('session:onChanged').length;
    await h.core.simulators.scanner!.scan(VALID);
    await waitUntil(
      () => h.log.of<SessionView>('session:onChanged').slice(seen).some((v) => v.stage === 'identified' && v.identity?.method === 'qr'),
      'session identified by the scanned code',
    );
    expect((await h.ok<SessionView>('session:current')).identity?.maskedName).toBe('王*');
  });
});
