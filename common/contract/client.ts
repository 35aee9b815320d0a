import { channelName, type ApiOf, type ContractSpec } from './define';
import { KioskError, type Result } from './errors';

/** What a client transport must provide: one request call and event subscription by channel. */
export interface ClientTransport {
  /** Sends a request; resolves with the host's {@link Result} (rejects only when the transport itself fails). */
  call(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Subscribes to one event channel; returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the typed client API (`window.kiosk` shape) over any transport:
 * methods return promises that reject with {@link KioskError}; `onX` members
 * take a listener and return an unsubscribe function. Results and events are
 * validated against the contract on arrival; invalid ones are rejected/dropped.
 */
export function createContractClient<C extends ContractSpec>(contract: C, transport: ClientTransport): ApiOf<C> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [service, members] of Object.entries(contract)) {
    const obj: Record<string, unknown> = {};
    for (const [member, spec] of Object.entries(members)) {
      const channel = channelName(service, member);
      if (spec.kind === 'method') {
        obj[member] = async (input: unknown) => {
          const result = await transport.call(channel, input ?? {});
          if (!result.ok) throw KioskError.fromPayload(result.error);
          const parsed = spec.output.safeParse(result.value);
          if (!parsed.success) throw new KioskError('internal', `${channel} returned an invalid result`);
          return parsed.data;
        };
      } else {
        obj[member] = (listener: (payload: unknown) => void) =>
          transport.subscribe(channel, (payload) => {
            const parsed = spec.payload.safeParse(payload);
            if (parsed.success) listener(parsed.data);
          });
      }
    }
    api[service] = Object.freeze(obj);
  }
  return Object.freeze(api) as ApiOf<C>;
}
