import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { TestKioskApi } from '../testing/test-kiosk-api';
import { screen, stopFlow, toConfirm, until } from '../testing/flow-driver';

afterEach(stopFlow);

describe('kiosk flow machine: rating', () => {
  it('rating: the two lowest levels need a reason; rating errors stay on the screen', async () => {
    const api = new TestKioskApi({ printStepMs: 5 });
    const { a } = await toConfirm(api);
    a.send({ type: 'SUBMIT' });
    await until(a, 'result');
    a.send({ type: 'CONTINUE' });
    a.send({ type: 'SKIP_PRINT' });
    a.send({ type: 'SUBMIT_RATING', level: 'very-dissatisfied', reason: '  ' });
    expect(a.getSnapshot().matches({ session: { rating: 'choosing' } })).toBe(true);
    api.rating.submit = () => Promise.reject(Object.assign(new Error('x'), { code: 'internal' }));
    a.send({ type: 'SUBMIT_RATING', level: 'dissatisfied', reason: '排队太久' });
    await waitFor(a, (s) => s.context.error === 'internal');
    expect(screen(a)).toBe('rating');
  });
});
