import { channelName, type ContractSpec, type EventSink, type EventsOf } from './define';

/** A listener for every event of a contract: channel (`service:onX`) and payload. */
export type AnyEventListener = (channel: string, payload: unknown) => void;

/**
 * Fan-out point for events raised by `main/core`: implements {@link EventSink}
 * for the core and lets each transport subscribe to every channel. Listener
 * exceptions are isolated so one broken transport cannot stop the others.
 */
export class EventHub<C extends ContractSpec> implements EventSink<C> {
  private readonly listeners = new Set<AnyEventListener>();

  emit<S extends keyof C & string, E extends keyof EventsOf<C[S]> & string>(service: S, eventName: E, payload: EventsOf<C[S]>[E]): void {
    const channel = channelName(service, eventName);
    for (const l of [...this.listeners]) {
      try {
        l(channel, payload);
      } catch {
        // A failing transport must not break event delivery to the others.
      }
    }
  }

  /** Subscribes to every event; returns an unsubscribe function. */
  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** What a host needs of the event hub: a subscription to every event. */
export type HostEventSource<C extends ContractSpec> = Pick<EventHub<C>, 'subscribe'>;
