import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../common/contract/schemas';
import { startCoreHarness, type CoreHarness } from './support/core-harness';
import { waitUntil } from './support/wait-until';

/**
 * A card left on the (simulated, polled) reader after a session opens no new
 * session by itself; a touch (`session.begin`) reads it; lifting it clears
 * the notice. Card on the reader at start-up: tests/core/session-manager and
 * tests/idcard/reader (`initial`).
 */
describe('a card left on the reader', () => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await startCoreHarness({ idcardPollMs: 30 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const current = () => h.ok<SessionView>('session:current');

  it('is reported after-session, stays unread over many polls, and a touch opens the session with it', async () => {
    h.core.simulators.insertCard('resident');
    await waitUntil(async () => (await current()).stage === 'identified', 'the card read');
    const ended = await h.ok<SessionView>('session:end', { reason: 'done' });
    expect(ended).toEqual({ sessionId: null, stage: 'idle', identity: null, leftCard: 'after-session' });
    const requests = h.core.simulators.idcard!.requests;
    await waitUntil(() => h.core.simulators.idcard!.requests >= requests + 10, 'ten more polls');
    expect(await current()).toEqual({ sessionId: null, stage: 'idle', identity: null, leftCard: 'after-session' });

    const begun = await h.ok<SessionView>('session:begin');
    expect(begun.leftCard).toBeUndefined();
    await waitUntil(async () => (await current()).stage === 'identified', 'the left card read after the touch');
    expect((await current()).identity?.method).toBe('idcard');
    await h.ok('session:end', { reason: 'done' });
  });

  it('lifting it clears the notice; a card placed afterwards opens a session as usual', async () => {
    expect((await current()).leftCard).toBe('after-session');
    h.core.simulators.removeCard();
    await waitUntil(async () => (await current()).leftCard === undefined, 'the lift noticed');
    h.core.simulators.insertCard('resident');
    await waitUntil(async () => (await current()).stage === 'identified', 'the new card read');
    await h.ok('session:end', { reason: 'done' });
    h.core.simulators.removeCard();
  });
});
