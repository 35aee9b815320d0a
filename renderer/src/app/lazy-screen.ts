import type { ComponentType } from 'react';

/** A screen in its own chunk: loaded once, by `prefetchScreens` (screen-view) or by the first render that needs it. */
export interface LazyScreen {
  load(): Promise<ComponentType>;
  loaded: ComponentType | null;
}

/** Wraps a dynamic `import()` of one screen component. */
export function lazyScreen(importer: () => Promise<ComponentType>): LazyScreen {
  let promise: Promise<ComponentType> | null = null;
  const entry: LazyScreen = {
    loaded: null,
    load: () =>
      (promise ??= importer().then(
        (component) => (entry.loaded = component),
        (error: unknown) => {
          promise = null; // a failed fetch is tried again on the next render or prefetch
          throw error;
        },
      )),
  };
  return entry;
}

