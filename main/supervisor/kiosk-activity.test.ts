import { describe, expect, it } from 'vitest';
import { ContractDispatcher } from '../../common/contract/dispatcher';
import { EventHub } from '../../common/contract/event-hub';
import { kioskContract, type KioskContract } from '../../common/contract/kiosk-contract';
import { TestKioskImplementation } from '../../tests/contract/test-kiosk-implementation';
import { observeCalls, watchKioskActivity } from './kiosk-activity';

describe('watchKioskActivity over observeCalls', () => {
  it('a touch or a call from the page is activity, start-up questions are not, and a session keeps the kiosk busy', async () => {
    let t = 0;
    const events = new EventHub<KioskContract>();
    const observed = observeCalls(new ContractDispatcher(kioskContract, new TestKioskImplementation()));
    const { gate, stop } = watchKioskActivity({ onCall: observed.onCall, events }, { now: () => t });
    const connection = observed.dispatcher.connections.open('test');
    t = 60_000;
    expect(gate.isIdle()).toBe(true);
    for (const channel of ['system:info', 'session:current', 'system:serviceState']) await observed.dispatcher.handle(channel, {}, connection);
    expect(gate.isIdle()).toBe(true);
    const answer = await observed.dispatcher.handle('system:touched', { screen: 'attract' }, connection);
    expect(answer.ok).toBe(true);
    expect(gate.isIdle()).toBe(false);
    t += 60_000;
    expect(gate.isIdle()).toBe(true);
    events.emit('session', 'onChanged', { stage: 'identified' } as never);
    t += 10 * 60_000;
    expect(gate.isIdle()).toBe(false);
    events.emit('session', 'onChanged', { stage: 'idle' } as never);
    t += 60_000;
    expect(gate.isIdle()).toBe(true);
    stop();
    await observed.dispatcher.handle('catalogue:overview', {}, connection);
    expect(gate.isIdle()).toBe(true);
  });
});
