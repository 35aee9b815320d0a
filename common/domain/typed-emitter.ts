/** Removes a listener. Idempotent. */
export type Off = () => void;

/**
 * A minimal typed event emitter (pure: no Node, no DOM), shared by drivers and offline-cache. Listener exceptions are
 * caught and reported to `onListenerError` so one bad listener cannot stop a driver.
 */
export class TypedEmitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Subscribes; returns an unsubscribe function. */
  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): Off {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  /** Calls every listener of `name` synchronously, in subscription order. */
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const l of [...set]) {
      try {
        (l as (p: Events[K]) => void)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
