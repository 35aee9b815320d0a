/** Options of {@link createSearchAsYouType}. */
export interface SearchAsYouTypeOptions<R> {
  /** Runs one search (e.g. `catalogue.search`). */
  search(query: string): Promise<R>;
  /** Receives the result of the latest query only; stale answers are dropped. */
  onResult(query: string, result: R): void;
  /** Receives a failure of the latest query only. */
  onError(query: string, error: unknown): void;
  /**
   * Quiet time after the last keystroke before searching, in ms. Default 0:
   * every keystroke searches at once (a core search takes about 1 ms) and
   * stale answers are dropped, so the list follows the typing without lag.
   */
  delayMs?: number;
  /** Injectable timers (defaults to the global ones). */
  clock?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

/** Handle returned by {@link createSearchAsYouType}. */
export interface SearchAsYouType {
  /** The text changed: (re)schedules a search. An empty query is searched immediately. */
  input(query: string): void;
  /** Drops the pending search and any answer still in flight. */
  cancel(): void;
}

/**
 * Debounced search that delivers answers in order of typing: each keystroke
 * restarts the quiet time; an answer that arrives after a newer query was
 * sent is ignored, so the list never jumps back to an older query.
 */
export function createSearchAsYouType<R>(options: SearchAsYouTypeOptions<R>): SearchAsYouType {
  const delay = options.delayMs ?? 0;
  const clock = options.clock ?? {
    setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  };
  let handle: unknown = null;
  let generation = 0;

  const run = (query: string, gen: number): void => {
    options.search(query).then(
      (result) => {
        if (gen === generation) options.onResult(query, result);
      },
      (error: unknown) => {
        if (gen === generation) options.onError(query, error);
      },
    );
  };

  return {
    input(query) {
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
      const gen = ++generation;
      if (query.trim() === '') {
        run('', gen);
        return;
      }
      handle = clock.setTimeout(() => {
        handle = null;
        run(query.trim(), gen);
      }, delay);
    },
    cancel() {
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
      generation++;
    },
  };
}
