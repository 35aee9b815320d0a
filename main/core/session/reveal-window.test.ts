import { describe, expect, it } from 'vitest';
import { RevealWindow, REVEAL_WINDOW_MS } from './reveal-window';

describe('RevealWindow', () => {
  it('answers for the session and step it was opened for, until it is closed', () => {
    const w = new RevealWindow(() => 0);
    expect(w.stepFor('s1')).toBeNull();
    w.open('s1', 'review');
    expect(w.stepFor('s1')).toBe('review');
    expect(w.stepFor('s2')).toBeNull();
    expect(w.stepFor(null)).toBeNull();
    w.close();
    expect(w.stepFor('s1')).toBeNull();
  });

  it('expires after its time', () => {
    let now = 1_000;
    const w = new RevealWindow(() => now);
    w.open('s1', 'query-result');
    now += REVEAL_WINDOW_MS - 1;
    expect(w.stepFor('s1')).toBe('query-result');
    now += 1;
    expect(w.stepFor('s1')).toBeNull();
    now -= 1;
    expect(w.stepFor('s1'), 'an expired window stays closed').toBeNull();
  });
});
