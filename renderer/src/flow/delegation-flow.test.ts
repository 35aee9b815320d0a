import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { idNumberCheckChar } from '../../../common/domain/id-number';
import { TEST_CATALOGUE, TestKioskApi } from '../testing/test-kiosk-api';
import { screen, start, stopFlow, until } from '../testing/flow-driver';

/**
 * True when the flow is on the given step of 代办. The delegation states are
 * typed broadly (their inferred type is too long for declaration output), so
 * the step names are checked at run time here rather than by the compiler.
 */
const inDelegation = (s: { matches: (value: never) => boolean }, step: string): boolean => (s.matches as (value: unknown) => boolean)({ session: { delegation: step } });

afterEach(stopFlow);

/** A valid ID number of Beijing 东城 born `yearsAgo` years ago on 1 January. */
function childId(yearsAgo: number, region = '110101'): string {
  const first17 = `${region}${new Date().getUTCFullYear() - yearsAgo}0101123`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/** From attract to the delegation screen: the agent's card, the welcome, 为家人/他人办理. */
async function toDelegation(api = new TestKioskApi({ printStepMs: 5 })) {
  const ctx = await start(api);
  api.placeCard('张三', '110101199003070015');
  await until(ctx.a, 'welcome');
  ctx.a.send({ type: 'DELEGATE_START' });
  expect(screen(ctx.a)).toBe('delegation');
  return ctx;
}

/** The card route to home: the principal's card while waiting, the agent's card still the session's, relation 子女. */
async function toHomeForPrincipalByCard() {
  const ctx = await toDelegation();
  const { api, a } = ctx;
  a.send({ type: 'DELEGATE_ROUTE', route: 'card' });
  await waitFor(a, (s) => inDelegation(s, 'awaitingCard'));
  api.placeCard('王秀英', '11010519400923004X');
  await waitFor(a, (s) => inDelegation(s, 'relation'));
  expect(a.getSnapshot().context.identity?.maskedName).toBe('张*');
  a.send({ type: 'RELATION_CHOSEN', relation: 'child' });
  await until(a, 'home');
  return ctx;
}

describe('kiosk flow machine: 代办 (welcome → delegation → home)', () => {
  it('card route: the principal’s card while waiting is the principal, then the relation; home shows whom for', async () => {
    const { a } = await toHomeForPrincipalByCard();
    expect(a.getSnapshot().context.delegation).toMatchObject({ state: 'ready', relation: 'child', principal: { maskedName: '王**' } });
  });

  it('refuses a service the catalogue does not mark delegable at the guide, with the way back to applying for oneself', async () => {
    const { a } = await toHomeForPrincipalByCard();
    const item = TEST_CATALOGUE.find((i) => i.delegable !== true)!;
    a.send({ type: 'SELECT_SERVICE', code: item.code });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    a.send({ type: 'START_APPLICATION' });
    expect(screen(a)).toBe('delegationRefused');
    a.send({ type: 'DELEGATE_STOP' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    expect(a.getSnapshot().context.delegation?.state).toBe('none');
    a.send({ type: 'START_APPLICATION' });
    expect(screen(a)).toBe('form');
  });

  it('the authorisation route stays on its step with the reason for an expired code, and goes on with a good one', async () => {
    const { a } = await toDelegation();
    a.send({ type: 'DELEGATE_ROUTE', route: 'authorisation' });
    await waitFor(a, (s) => inDelegation(s, 'awaitingAuthorisation'));
    a.send({ type: 'QR_SUBMIT', payload: 'KA1.expired' });
    await waitFor(a, (s) => s.context.delegation?.refusal === 'authorisation-expired');
    expect(inDelegation(a.getSnapshot(), 'awaitingAuthorisation')).toBe(true);
    a.send({ type: 'QR_SUBMIT', payload: 'KA1.ok' });
    await waitFor(a, (s) => inDelegation(s, 'relation'));
  });

  it('the guardian route refuses a child of 14 or over and accepts a younger one of the household', async () => {
    const { a } = await toDelegation();
    a.send({ type: 'DELEGATE_ROUTE', route: 'guardian' });
    a.send({ type: 'GUARDIAN_SUBMIT', childIdNumber: childId(15), relation: 'parent' });
    await waitFor(a, (s) => s.context.delegation?.refusal === 'child-over-14');
    expect(inDelegation(a.getSnapshot(), 'guardian')).toBe(true);
    a.send({ type: 'GUARDIAN_SUBMIT', childIdNumber: childId(6), relation: 'parent' });
    await until(a, 'home');
    expect(a.getSnapshot().context.delegation).toMatchObject({ state: 'ready', route: 'guardian', relation: 'parent' });
  });

  it('the idle wipe clears the agent and the principal in the renderer and asks the core to end the session', async () => {
    const { api, a } = await toDelegation();
    a.send({ type: 'DELEGATE_ROUTE', route: 'guardian' });
    a.send({ type: 'GUARDIAN_SUBMIT', childIdNumber: childId(6), relation: 'parent' });
    await until(a, 'home');
    a.send({ type: 'IDLE_EXPIRED' });
    await until(a, 'attract');
    expect(a.getSnapshot().context.identity).toBeNull();
    expect(a.getSnapshot().context.delegation).toBeNull();
    expect(api.calls).toContain('session.end');
    expect((await api.delegation.current({})).state).toBe('none');
  });
});
