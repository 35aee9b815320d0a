import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { screen, start, stopFlow, until } from '../testing/flow-driver';
import { BROWSE_CATEGORIES } from './browse';

afterEach(stopFlow);

describe('kiosk flow machine: browsing from an attract tile', () => {
  it('every tile opens home on its category without identification; an unknown category does nothing', async () => {
    for (const [category, query] of Object.entries(BROWSE_CATEGORIES)) {
      const { a } = await start();
      a.send({ type: 'BROWSE', category });
      expect(screen(a), category).toBe('home');
      expect(a.getSnapshot().context.browseQuery, category).toBe(query);
      expect(a.getSnapshot().context.identity, category).toBeNull();
      stopFlow();
    }
    const { a } = await start();
    a.send({ type: 'BROWSE', category: 'nonsense' });
    expect(screen(a)).toBe('attract');
  });

  it('a guide reads without identification; applying asks for it, then comes back to the same guide', async () => {
    const { a, api } = await start();
    a.send({ type: 'BROWSE', category: 'social' });
    a.send({ type: 'SELECT_SERVICE', code: 'GG00101001' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    a.send({ type: 'START_APPLICATION' });
    expect(screen(a)).toBe('identify');
    api.placeCard();
    await until(a, 'welcome');
    a.send({ type: 'CONTINUE' });
    await waitFor(a, (s) => s.matches({ session: { guide: 'ready' } }));
    expect(a.getSnapshot().context.serviceCode).toBe('GG00101001');
    a.send({ type: 'START_APPLICATION' });
    expect(screen(a)).toBe('form');
  });

  it('a session started by touch still goes home after the welcome', async () => {
    const { a, api } = await start();
    a.send({ type: 'START' });
    api.placeCard();
    await until(a, 'welcome');
    a.send({ type: 'CONTINUE' });
    expect(screen(a)).toBe('home');
  });
});
