import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchAsYouType } from './search-as-you-type';

describe('createSearchAsYouType', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces keystrokes and searches only the last text', async () => {
    const search = vi.fn((q: string) => Promise.resolve(`r:${q}`));
    const results: string[] = [];
    const s = createSearchAsYouType({ search, onResult: (_q, r) => results.push(r), onError: () => undefined, delayMs: 100 });
    s.input('s');
    vi.advanceTimersByTime(50);
    s.input('sb');
    vi.advanceTimersByTime(50);
    s.input('sbcx');
    vi.advanceTimersByTime(99);
    expect(search).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await vi.runAllTimersAsync();
    expect(search).toHaveBeenCalledTimes(1);
    expect(results).toEqual(['r:sbcx']);
  });

  it('drops a stale answer that arrives after a newer query', async () => {
    const resolvers: Record<string, (v: string) => void> = {};
    const search = (q: string) => new Promise<string>((r) => (resolvers[q] = r));
    const results: string[] = [];
    const s = createSearchAsYouType({ search, onResult: (_q, r) => results.push(r), onError: () => undefined, delayMs: 10 });
    s.input('社');
    vi.advanceTimersByTime(10);
    s.input('社保');
    vi.advanceTimersByTime(10);
    resolvers['社保']?.('new');
    resolvers['社']?.('old');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['new']);
  });

  it('an empty query searches at once; cancel drops everything in flight', async () => {
    const search = vi.fn((q: string) => Promise.resolve(q));
    const results: string[] = [];
    const errors: unknown[] = [];
    const s = createSearchAsYouType({ search, onResult: (q) => results.push(`[${q}]`), onError: (_q, e) => errors.push(e), delayMs: 100 });
    s.input('  ');
    expect(search).toHaveBeenCalledWith('');
    s.cancel();
    s.input('x');
    s.cancel();
    await vi.runAllTimersAsync();
    expect(results).toEqual([]);
    expect(search).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
  });

  it('reports failures of the latest query', async () => {
    const s = createSearchAsYouType({
      search: () => Promise.reject(new Error('down')),
      onResult: () => undefined,
      onError: (q, e) => expect([q, (e as Error).message]).toEqual(['abc', 'down']),
      delayMs: 5,
    });
    s.input('abc');
    await vi.runAllTimersAsync();
  });
});
